/*
 * corpus_in.c - inputs of dedup/reuse into a corpus (see corpus_in.h).
 *
 * Articles are read in batches; each batch is cleaned and tokenised by
 * worker threads (px_corpus_add_texts) while keeping input order, then
 * the articles are freed: only the compact word arrays stay in memory.
 *
 * Reading (file I/O and JSON parsing, one thread) overlaps the building:
 * a reader thread fills the next of two batch slots while the calling
 * thread builds the current one, so the cores are not idle while a batch
 * is parsed.  Batches are built in the order they were read, and the
 * reader prints its problems as it meets them; a build problem is printed
 * when its batch is built, which keeps the input order because px_doc_new
 * only fails above PX_DOC_MAX_BYTES (parallax/doc.h): the reader waits
 * for a batch holding such a text to be built before it reads on.  With
 * one thread (-j 1), or if the thread cannot start, reading and building
 * alternate in the calling thread.
 */
#include <pthread.h>

#include "cli/corpus_in.h"

#define BATCH 1024
#define SLOTS 2 /* batches in flight: one read while one is built */

typedef struct batch {
    px_article *art[BATCH];
    const char *ids[BATCH], *texts[BATCH];
    size_t lens[BATCH];
    px_result rcs[BATCH];
    size_t n;
    int hold; /* a text px_doc_new refuses: build before reading on */
} batch;

/* Fill b from in; 1 at the end of the input. */
static int batch_fill(batch *b, cli_input *in) {
    px_article *a = NULL;
    b->n = 0;
    b->hold = 0;
    while (b->n < BATCH && (a = cli_input_next(in))) {
        b->art[b->n] = a;
        b->ids[b->n] = a->id;
        b->texts[b->n] = a->text ? a->text : "";
        b->lens[b->n++] = a->text_len;
        b->hold |= a->text_len > PX_DOC_MAX_BYTES;
    }
    return a == NULL;
}

static px_result batch_flush(const char *cmd, batch *b, unsigned threads,
                             cli_corpus *cc) {
    px_result rc = px_corpus_add_texts(cc->corpus, b->n, b->ids, b->texts,
                                       b->lens, threads, b->rcs);
    for (size_t i = 0; i < b->n; i++) {
        if (b->rcs[i]) {
            cli_err(cmd, "%s: %s",
                    b->art[i]->origin ? b->art[i]->origin : b->ids[i],
                    px_result_str(b->rcs[i]));
            cc->nbad++;
        }
        px_article_free(b->art[i]);
    }
    b->n = 0;
    return rc;
}

/* The batches between the reader thread and the builder: slot[i % SLOTS]
 * holds batch i; batches [done, filled) are read and not yet built. */
typedef struct feed {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    batch *slot[SLOTS];
    size_t filled, done;
    int finished, stop; /* reader at the end; builder gave up */
    cli_input *in;
} feed;

static void *reader_main(void *arg) {
    feed *f = arg;
    pthread_mutex_lock(&f->mu);
    for (;;) {
        while (!f->stop && f->filled - f->done == SLOTS)
            pthread_cond_wait(&f->cv, &f->mu);
        if (f->stop) break;
        batch *b = f->slot[f->filled % SLOTS];
        pthread_mutex_unlock(&f->mu);
        int end = batch_fill(b, f->in);
        pthread_mutex_lock(&f->mu);
        f->filled++;
        pthread_cond_broadcast(&f->cv);
        if (end) break;
        while (b->hold && !f->stop && f->done < f->filled)
            pthread_cond_wait(&f->cv, &f->mu);
    }
    f->finished = 1;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

/* Build the batches the reader thread fills; 0 if it could not start. */
static int read_threaded(const char *cmd, feed *f, unsigned threads,
                         cli_corpus *cc, px_result *rc) {
    pthread_t th;
    if (pthread_create(&th, NULL, reader_main, f) != 0) return 0;
    pthread_mutex_lock(&f->mu);
    while (!*rc) {
        while (f->done == f->filled && !f->finished)
            pthread_cond_wait(&f->cv, &f->mu);
        if (f->done == f->filled) break;
        batch *b = f->slot[f->done % SLOTS];
        pthread_mutex_unlock(&f->mu);
        *rc = batch_flush(cmd, b, threads, cc);
        pthread_mutex_lock(&f->mu);
        f->done++;
        f->stop = *rc != PX_OK;
        pthread_cond_broadcast(&f->cv);
    }
    pthread_mutex_unlock(&f->mu);
    pthread_join(th, NULL);
    for (; f->done < f->filled; f->done++) { /* read after a failure */
        batch *b = f->slot[f->done % SLOTS];
        for (size_t i = 0; i < b->n; i++) px_article_free(b->art[i]);
    }
    return 1;
}

/* Read and build every input into cc; the first fatal corpus error. */
static px_result read_all(const char *cmd, cli_input *in, unsigned threads,
                          cli_corpus *cc) {
    feed f = {PTHREAD_MUTEX_INITIALIZER,
              PTHREAD_COND_INITIALIZER,
              {NULL},
              0,
              0,
              0,
              0,
              in};
    px_result rc = PX_OK;
    for (int i = 0; i < SLOTS; i++) f.slot[i] = px_calloc(1, sizeof(batch));
    if (threads == 1 || !read_threaded(cmd, &f, threads, cc, &rc)) {
        int end = 0;
        while (!rc && !end) {
            end = batch_fill(f.slot[0], in);
            rc = batch_flush(cmd, f.slot[0], threads, cc);
        }
    }
    for (int i = 0; i < SLOTS; i++) px_free(f.slot[i]);
    pthread_mutex_destroy(&f.mu);
    pthread_cond_destroy(&f.cv);
    return rc;
}

static px_result load_index(const char *cmd, const char *index,
                            cli_corpus *cc) {
    px_result rc = index ? px_corpus_load(index, &cc->corpus) : PX_ERR_NOTFOUND;
    if (rc == PX_ERR_NOTFOUND) {
        cc->corpus = px_corpus_new();
        return PX_OK;
    }
    if (rc == PX_ERR_UNSUPPORTED)
        cli_err(cmd,
                "%s: index written by an older parallax (other word "
                "units): remove it to build a new one",
                index);
    else if (rc)
        cli_err(cmd, "%s: cannot load index: %s", index, px_result_str(rc));
    return rc;
}

/* The index, then every input, into cc (cc->corpus NULL or built, also
 * on failure). */
static px_result corpus_read(const char *cmd, char *const *args, int nargs,
                             const cli_corpus_job *job, cli_corpus *cc) {
    px_result rc = load_index(cmd, job->index, cc);
    if (rc) return rc;
    cc->first_new = (uint32_t)px_corpus_size(cc->corpus);
    cli_input *in;
    rc = cli_input_open(cmd, args, nargs, job->db, &in);
    if (rc) return rc;
    rc = read_all(cmd, in, job->threads, cc);
    if (rc) cli_err(cmd, "corpus: %s", px_result_str(rc));
    cc->nbad += cli_input_nerrors(in);
    cli_input_free(in);
    return rc;
}

int cli_corpus_run(const char *cmd, char *const *args, int nargs,
                   const cli_corpus_job *job) {
    cli_corpus cc = {NULL, 0, 0};
    int ec = PX_EXIT_FAIL;
    if (corpus_read(cmd, args, nargs, job, &cc)) goto out;
    ec = job->run(cmd, job->ctx, &cc);
    px_result rc = ec != PX_EXIT_FAIL && job->index
                       ? px_index_append(cc.corpus, job->index, job->d, job->r)
                       : PX_OK;
    if (rc) {
        cli_err(cmd, "%s: cannot save index: %s", job->index,
                px_result_str(rc));
        ec = PX_EXIT_FAIL;
    }
out:
    px_corpus_free(cc.corpus);
    return ec;
}
