/*
 * args.c - option parsing shared by every command (cli_getopt, cli.h).
 *
 * getopt_long prints its own errors as "ARGV0: unrecognized option", and a
 * command's argv[0] is its bare name ("cluster: ..."), not the program's.
 * So getopt's printing is switched off (opterr = 0, ':' leading the short
 * options so a missing argument is told apart from an unknown option) and
 * the error is printed here through cli_err, in getopt's own words.
 * Number arguments go through cli_num (decimals) or cli_uint (counts,
 * sizes, ports): the whole argument must parse and lie in range (NaN never
 * does), so "abc", "1x", "nan" are refused rather than read as 0 or let
 * through, and a count is refused when it is "-1" (which strtoul would wrap
 * to the largest number), "1.5", "1e3" or too large for 64 bits.
 */
#include <stdint.h> /* uint64_t, UINT64_MAX */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* strtod */
#include <string.h> /* strchr, strncmp, strlen */

#include "cli/cli.h"

/* Length of the option name in arg "--name" or "--name=value". */
static size_t long_name_len(const char *arg) {
    const char *eq = strchr(arg, '=');
    return eq ? (size_t)(eq - arg) - 2 : strlen(arg) - 2;
}

/* The long option arg ("--name[=value]") abbreviates; NULL when none or
 * (*ambiguous set) more than one. */
static const struct option *long_match(const struct option *lo, const char *arg,
                                       int *ambiguous) {
    size_t n = long_name_len(arg);
    const struct option *hit = NULL;
    *ambiguous = 0;
    for (; lo->name; lo++) {
        if (strncmp(lo->name, arg + 2, n)) continue;
        if (strlen(lo->name) == n) return lo; /* exact */
        *ambiguous = hit != NULL;
        hit = lo;
    }
    return *ambiguous ? NULL : hit;
}

/* Report the error getopt_long returned c ('?' or ':') for. */
static void report(char **argv, const struct option *lo, int c) {
    const char *cmd = argv[0], *arg = optind > 0 ? argv[optind - 1] : "";
    int ambiguous = 0;
    const struct option *o =
        !strncmp(arg, "--", 2) ? long_match(lo, arg, &ambiguous) : NULL;
    /* a long option failed only if arg names it (a failing short option
     * inside a cluster "-xZ" leaves optind on the cluster, or before it) */
    if (o && optopt && o->val != optopt) o = NULL;
    if (ambiguous)
        cli_err(cmd, "option '%.*s' is ambiguous", (int)long_name_len(arg) + 2,
                arg);
    else if (o && c == ':')
        cli_err(cmd, "option '--%s' requires an argument", o->name);
    else if (o && o->has_arg == no_argument && strchr(arg, '='))
        cli_err(cmd, "option '--%s' doesn't allow an argument", o->name);
    else if (!optopt && !strncmp(arg, "--", 2))
        cli_err(cmd, "unrecognized option '%.*s'", (int)long_name_len(arg) + 2,
                arg);
    else if (c == ':')
        cli_err(cmd, "option requires an argument -- '%c'", optopt);
    else
        cli_err(cmd, "invalid option -- '%c'", optopt);
}

int cli_getopt(int argc, char **argv, const char *shortopts,
               const struct option *longopts) {
    char spec[128];
    snprintf(spec, sizeof spec, ":%s", shortopts);
    opterr = 0;
    int c = getopt_long(argc, argv, spec, longopts, NULL);
    if (c != '?' && c != ':') return c;
    report(argv, longopts, c);
    return '?';
}

int cli_num(const char *s, double lo, double hi, double *out) {
    char *end;
    double v = strtod(s, &end);
    /* !(in range) also refuses NaN, which compares false with anything */
    if (end == s || *end || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}

int cli_uint(const char *s, uint64_t lo, uint64_t hi, uint64_t *out) {
    uint64_t v = 0;
    if (!*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10) return -1; /* would overflow */
        v = v * 10 + d;
    }
    if (v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int cli_fraction(const char *cmd, const char *opt, const char *s, int zero_ok,
                 double *out) {
    double v;
    if (!cli_num(s, 0, 1, &v) && (zero_ok || v > 0)) {
        *out = v;
        return 0;
    }
    cli_err(cmd, "--%s wants a number in %s, not '%s'", opt,
            zero_ok ? "0..1" : "(0, 1]", s);
    return -1;
}

const char *cli_opt_name(const struct option *longopts, int val) {
    for (; longopts->name; longopts++)
        if (longopts->val == val) return longopts->name;
    return "?";
}
