/*
 * parallax.h - public C API of libparallax.
 *
 * parallax finds the news articles that tell the same story, traces the
 * passages one outlet took from another and compares sources claim by claim.
 * Data flows one way through stages, one header each:
 *
 *   read -> clean/doc -> fingerprint -> index -> align -> cluster -> claims
 *        -> report
 *
 * This umbrella header is the only one programs need; the per-stage headers
 * live in include/parallax/.  Conventions: px_ prefix, object then verb
 * (px_doc_new), lifecycle verbs _new/_free (heap objects) and _init/_release
 * (caller-owned structs); every *_free accepts NULL; fallible calls return
 * px_result; spans are byte offsets into the original article text.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include "parallax/core.h"
#include "parallax/article.h"
#include "parallax/clean.h"
#include "parallax/doc.h"
#include "parallax/read.h"
#include "parallax/store.h"
#include "parallax/text.h"
#include "parallax/corpus.h"
#include "parallax/dedup.h"
#include "parallax/reuse.h"
#include "parallax/sentence.h"
#include "parallax/align.h"
#include "parallax/claims.h"
#include "parallax/compare.h"
#include "parallax/extract.h"
#include "parallax/cluster.h"
#include "parallax/index.h"
#include "parallax/story.h"
#include "parallax/story_view.h"
#include "parallax/story_analysis.h"
#include "parallax/serve.h"

#endif /* PARALLAX_H */
