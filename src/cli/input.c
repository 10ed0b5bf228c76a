/*
 * input.c - where a command's articles come from: paths via the readers,
 * or ids from the store (contract in cli.h).
 *
 * Design: one px_reader for the whole command (so duplicate ids are caught
 * across all paths); arguments are consumed in order, paths pushed into
 * the reader when reached and drained before the next argument, ids
 * fetched from the store (opened lazily, read-only).  When stored ids are
 * among the arguments, the ids handed out are also kept in a set (two
 * 64-bit hashes each), so a stored id named twice, or also read from a
 * file, is reported and skipped like the reader's own duplicates.
 */
#include <string.h>   /* memcpy, strlen */
#include <sys/stat.h> /* stat */
#include <unistd.h>   /* isatty */

#include "cli/cli.h"

/* Open-addressing set of ids by two independent 64-bit hashes. */
typedef struct idset {
    uint64_t (*slot)[2]; /* {0, 0} = empty */
    size_t n, cap;
} idset;

static void idset_grow(idset *s) {
    idset old = *s;
    s->cap = old.cap ? old.cap * 2 : 1024;
    s->slot = px_calloc(s->cap, sizeof *s->slot);
    s->n = 0;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.slot[i][0] && !old.slot[i][1]) continue;
        size_t k = (size_t)old.slot[i][0] & (s->cap - 1);
        while (s->slot[k][0] || s->slot[k][1]) k = (k + 1) & (s->cap - 1);
        memcpy(s->slot[k], old.slot[i], sizeof *s->slot);
        s->n++;
    }
    px_free(old.slot);
}

/* Add id; 1 if it was already there. */
static int idset_add(idset *s, const char *id) {
    size_t n = strlen(id);
    uint64_t h[2] = {px_hash64(id, n, 1), px_hash64(id, n, 2) | 1};
    if (2 * (s->n + 1) > s->cap) idset_grow(s);
    size_t k = (size_t)h[0] & (s->cap - 1);
    for (; s->slot[k][0] || s->slot[k][1]; k = (k + 1) & (s->cap - 1))
        if (s->slot[k][0] == h[0] && s->slot[k][1] == h[1]) return 1;
    memcpy(s->slot[k], h, sizeof h);
    s->n++;
    return 0;
}

struct cli_input {
    const char *cmd;
    const char *db; /* --db option or NULL */
    px_reader *reader;
    px_store *store; /* opened at the first id */
    int store_failed;
    char **args; /* owned copies */
    size_t nargs, next;
    size_t nerr; /* problems outside the reader */
    int track;   /* stored ids among the arguments: check ids in `seen` */
    idset seen;
};

static void on_error(void *ud, const char *path, size_t line, px_result rc,
                     const char *msg) {
    const cli_input *in = ud;
    (void)rc;
    if (line)
        cli_err(in->cmd, "%s:%zu: %s", path, line, msg);
    else
        cli_err(in->cmd, "%s: %s", path, msg);
}

static int is_path(const char *a) {
    struct stat sb;
    return (a[0] == '-' && a[1] == '\0') || !stat(a, &sb);
}

static void add_arg(cli_input *in, const char *a) {
    in->args = px_realloc(in->args, (in->nargs + 1) * sizeof *in->args);
    in->args[in->nargs++] = px_strdup(a);
}

static int add_stored_id(void *ud, const px_article *a) {
    add_arg(ud, a->id);
    return 0;
}

static int open_store(cli_input *in) {
    if (!in->store && !in->store_failed) {
        in->store = cli_store_open(in->cmd, in->db, 1);
        in->store_failed = !in->store;
    }
    return in->store != NULL;
}

px_result cli_input_open(const char *cmd, char *const *args, int nargs,
                         const char *db, cli_input **out) {
    cli_input *in = px_calloc(1, sizeof *in);
    in->cmd = cmd;
    in->db = db;
    px_read_opts o = {on_error, in, 0};
    px_reader_new(NULL, 0, &o, &in->reader);
    for (int i = 0; i < nargs; i++) {
        add_arg(in, args[i]);
        in->track |= !is_path(args[i]);
    }
    if (!nargs && !isatty(0))
        add_arg(in, "-");
    else if (!nargs && open_store(in) &&
             px_store_each(in->store, 0, add_stored_id, in)) {
        cli_err(cmd, "%s: %s", cli_db_path(db), px_store_errmsg(in->store));
        cli_input_free(in);
        return PX_ERR_STORE;
    } else if (!nargs && !in->store) {
        cli_input_free(in);
        return PX_ERR_NOTFOUND;
    }
    *out = in;
    return PX_OK;
}

/* The stored article with this id, or NULL (reported). */
static px_article *lookup(cli_input *in, const char *id) {
    px_article *a = NULL;
    px_result rc =
        open_store(in) ? px_store_get(in->store, id, &a) : PX_ERR_STORE;
    if (rc == PX_ERR_NOTFOUND || (rc && in->store_failed))
        cli_err(in->cmd, "%s: no such file or stored article", id);
    else if (rc)
        cli_err(in->cmd, "%s: %s", id, px_store_errmsg(in->store));
    in->nerr += rc != PX_OK;
    return a;
}

/* Next article from the reader or the store (*stored = 1), duplicates
 * included. */
static px_article *next_any(cli_input *in, int *stored) {
    for (;;) {
        px_article *a = NULL;
        *stored = 0;
        if (!px_reader_next(in->reader, &a) && a) return a;
        if (in->next >= in->nargs) return NULL;
        const char *arg = in->args[in->next++];
        if (is_path(arg))
            px_reader_push(in->reader, arg);
        else if ((a = lookup(in, arg)))
            return *stored = 1, a;
    }
}

px_article *cli_input_next(cli_input *in) {
    px_article *a;
    int stored;
    while ((a = next_any(in, &stored)) && in->track &&
           idset_add(&in->seen, a->id)) {
        if (stored)
            cli_err(in->cmd,
                    "stored article \"%s\": duplicate id (read "
                    "before); skipped",
                    a->id);
        else
            cli_err(in->cmd, "%s: duplicate id \"%s\" (read before); skipped",
                    a->origin ? a->origin : a->id, a->id);
        in->nerr++;
        px_article_free(a);
    }
    return a;
}

size_t cli_input_nerrors(const cli_input *in) {
    return in->nerr + px_reader_nerrors(in->reader);
}

void cli_input_free(cli_input *in) {
    if (!in) return;
    px_reader_free(in->reader);
    px_store_close(in->store);
    for (size_t i = 0; i < in->nargs; i++) px_free(in->args[i]);
    px_free(in->args);
    px_free(in->seen.slot);
    px_free(in);
}
