/*
 * boiler.c - learned boilerplate for the story analysis: the lines that
 * recur across an outlet's stored articles (parallax/clean.h px_boiler),
 * learned from the whole store once per `parallax run` and applied when the
 * compared sources' cleaned views are built, so an outlet's footer is not
 * reported as a passage only it has.  Stored texts are never changed.
 *
 * Articles without an outlet learn nothing (pooling every outlet-less
 * article would call one outlet's lines another's).  The outlets' article
 * counts are kept in story_outlets(outlet, docs) so the freshness key of a
 * story (analysis.c) can cover the size class of its members' outlets: a
 * story is recomputed when one of its outlets doubled, not on every new
 * article of a large outlet.
 */
#include <string.h>

#include "parallax/clean.h"
#include "story/story_int.h"

static int learn_one(void *ud, const px_article *a) {
    if (!a->outlet || !*a->outlet) return 0;
    return px_boiler_add(ud, a->outlet, a->text, a->text_len) != PX_OK;
}

static px_result counts_write(px_store *s) {
    static const char sql[] =
        "DELETE FROM story_outlets;"
        "INSERT INTO story_outlets SELECT outlet, count(*) FROM articles"
        "  WHERE outlet IS NOT NULL AND outlet <> '' GROUP BY outlet;";
    return sqlite3_exec(px_store_sqlite(s), sql, NULL, NULL, NULL)
        ? PX_ERR_STORE : PX_OK;
}

px_result px_story_boiler_learn(px_store *s, px_boiler **out) {
    *out = px_boiler_new(NULL);
    px_result rc = px_store_each(s, 1, learn_one, *out);
    if (!rc) rc = counts_write(s);
    if (rc) {
        px_boiler_free(*out);
        *out = NULL;
    }
    return rc;
}
