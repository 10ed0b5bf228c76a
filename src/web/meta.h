/*
 * web/meta.h - page metadata: title, byline, time, outlet, language, URL
 * (internal).
 */
#ifndef PX_WEB_META_H
#define PX_WEB_META_H

#include "parallax/extract.h"
#include "web/html.h"

/* Fill p's url, title, byline, published(_ts), outlet and lang from h's
 * <meta> tags, JSON-LD article objects, <time> elements and <title>.
 * url: the address the page came from (may be NULL).  *ld_body receives the
 * JSON-LD articleBody, if any (caller frees with px_free). */
void px_meta_fill(const px_html *h, const char *url, px_page *p,
                  char **ld_body);

#endif /* PX_WEB_META_H */
