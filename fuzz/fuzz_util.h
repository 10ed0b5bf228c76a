/*
 * fuzz_util.h - checks shared by the libFuzzer targets (header only: each
 * target is one file linked with the library).
 */
#ifndef PX_FUZZ_UTIL_H
#define PX_FUZZ_UTIL_H

#include <stddef.h>
#include <utf8proc.h>

/* Is offset off strictly inside a valid UTF-8 character of s[0..len)?
 * (An invalid byte is a character of its own: any offset next to it is a
 * boundary.) */
static inline int fuzz_inside_char(const char *s, size_t len, size_t off) {
    for (size_t k = 1; k <= 3 && k <= off && off < len; k++) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l =
            utf8proc_iterate((const utf8proc_uint8_t *)s + off - k,
                             (utf8proc_ssize_t)(len - (off - k)), &cp);
        if (l > (utf8proc_ssize_t)k) return 1;
    }
    return 0;
}

#endif /* PX_FUZZ_UTIL_H */
