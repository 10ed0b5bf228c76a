/*
 * fuzz_claims.c - libFuzzer target: claim extraction on arbitrary bytes,
 * checking that every claim span lies inside the input.
 */
#include <stdlib.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    static px_claimer *cl;
    if (!cl) cl = px_claimer_new("en");
    px_doc *d;
    if (px_doc_new((const char *)data, size, NULL, &d)) return 0;
    px_claims *cs;
    if (!px_claims_extract(cl, d, &cs)) {
        size_t n;
        const px_claim *c = px_claims_list(cs, &n);
        for (size_t i = 0; i < n; i++)
            if (c[i].span.start > c[i].span.end || c[i].span.end > size)
                abort();
        px_claims_free(cs);
    }
    px_doc_free(d);
    return 0;
}
