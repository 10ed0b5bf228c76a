/*
 * lexicon.c - UI labels, wire services, calls to action (see lexicon.h).
 *
 * The lists were written for this project from common page furniture of
 * news sites in many languages.  They are deliberately narrow: a rule that
 * uses them also checks the shape of the text (a whole short line, or a
 * run glued after the end of a paragraph), so an entry never removes words
 * from the middle of a sentence.
 */
#include <string.h> /* memcmp, memset */

#include "clean/fold.h"
#include "clean/lexicon.h"

typedef struct label {
    const char *text; /* folded */
    size_t len;
    const char *lang;
} label;

typedef struct word {
    const char *text;
    size_t len;
} word;

/* Entries carry their length, computed at compile time. */
#define L(s, lang)                                                             \
    { s, sizeof(s) - 1, lang }
#define W(s)                                                                   \
    { s, sizeof(s) - 1 }

static const label ui_labels[] = {
    L("advertisement", "en"),
    L("advertisements", "en"),
    L("advertising", "en"),
    L("ad", "en"),
    L("ads", "en"),
    L("sponsored", "en"),
    L("sponsored content", "en"),
    L("paid content", "en"),
    L("paid partnership", "en"),
    L("promoted", "en"),
    L("promoted content", "en"),
    L("skip advertisement", "en"),
    L("continue reading", "en"),
    L("continue reading below", "en"),
    L("story continues below", "en"),
    L("story continues below advertisement", "en"),
    L("article continues below", "en"),
    L("article continues below advertisement", "en"),
    L("scroll to continue", "en"),
    L("scroll to continue with content", "en"),
    L("read more", "en"),
    L("read more:", "en"),
    L("read also", "en"),
    L("read also:", "en"),
    L("see also", "en"),
    L("see also:", "en"),
    L("related", "en"),
    L("related:", "en"),
    L("related articles", "en"),
    L("related stories", "en"),
    L("related news", "en"),
    L("recommended", "en"),
    L("recommended for you", "en"),
    L("more on this story", "en"),
    L("most read", "en"),
    L("listen to this article", "en"),
    L("click to expand", "en"),
    L("(adsbygoogle = window.adsbygoogle || []).push({});", "js"),
    L("anzeige", "de"),
    L("werbung", "de"),
    L("weiterlesen", "de"),
    L("lesen sie auch", "de"),
    L("mehr zum thema", "de"),
    L("publicité", "fr"),
    L("lire aussi", "fr"),
    L("à lire aussi", "fr"),
    L("lire la suite", "fr"),
    L("publicidad", "es"),
    L("anuncio", "es"),
    L("lea también", "es"),
    L("leer más", "es"),
    L("seguir leyendo", "es"),
    L("pubblicità", "it"),
    L("leggi anche", "it"),
    L("publicidade", "pt"),
    L("leia também", "pt"),
    L("leia mais", "pt"),
    L("advertentie", "nl"),
    L("lees ook", "nl"),
    L("annons", "sv"),
    L("annonce", "da"),
    L("annonse", "no"),
    L("mainos", "fi"),
    L("reklama", "pl/cs"),
    L("czytaj także", "pl"),
    L("czytaj też", "pl"),
    L("reklam", "tr/az"),
    L("ilgili haberler", "tr"),
    L("oxşar xəbərlər", "az"),
    L("iklan", "id"),
    L("baca juga", "id"),
    L("quảng cáo", "vi"),
    L("реклама", "ru/uk"),
    L("читайте также", "ru"),
    L("читать далее", "ru"),
    L("подробнее", "ru"),
    L("новости партнеров", "ru"),
    L("читайте також", "uk"),
    L("διαφήμιση", "el"),
    L("פרסומת", "he"),
    L("اضافة اعلان", "ar"),
    L("إضافة إعلان", "ar"),
    L("اعلان", "ar"),
    L("إعلان", "ar"),
    L("إعلانات", "ar"),
    L("اعلانات", "ar"),
    L("اقرأ أيضا", "ar"),
    L("اقرأ أيضاً", "ar"),
    L("اقرا ايضا", "ar"),
    L("تبلیغات", "fa"),
    L("بیشتر بخوانید", "fa"),
    L("اشتہار", "ur"),
    L("विज्ञापन", "hi"),
    L("বিজ্ঞাপন", "bn"),
    L("โฆษณา", "th"),
    L("广告", "zh"),
    L("廣告", "zh"),
    L("相关阅读", "zh"),
    L("相關閱讀", "zh"),
    L("推荐阅读", "zh"),
    L("広告", "ja"),
    L("関連記事", "ja"),
    L("광고", "ko"),
    L("관련기사", "ko"),
    L("რეკლამა", "ka"),
    L("գովազդ", "hy"),
};

const char *px_lex_ui_label(const char *f, size_t n) {
    for (size_t i = 0; i < sizeof ui_labels / sizeof ui_labels[0]; i++)
        if (ui_labels[i].len == n && !memcmp(f, ui_labels[i].text, n))
            return ui_labels[i].lang;
    return NULL;
}

static const word wires[] = {
    W("reuters"),
    W("thomson reuters"),
    W("ap"),
    W("associated press"),
    W("the associated press"),
    W("afp"),
    W("agence france-presse"),
    W("agence france presse"),
    W("dpa"),
    W("efe"),
    W("ansa"),
    W("bloomberg"),
    W("xinhua"),
    W("tass"),
    W("ria novosti"),
    W("interfax"),
    W("anadolu"),
    W("anadolu agency"),
    W("kyodo"),
    W("kyodo news"),
    W("yonhap"),
    W("pti"),
    W("ians"),
    W("ani"),
    W("bernama"),
    W("antara"),
    W("aap"),
    W("pa"),
    W("pa media"),
    W("press association"),
    W("europa press"),
    W("apa"),
    W("belga"),
    W("anp"),
    W("ritzau"),
    W("ntb"),
    W("lusa"),
    W("ukrinform"),
    W("unian"),
    W("ctk"),
    W("pap"),
    W("mti"),
    W("azertac"),
    W("irna"),
    W("wam"),
    W("kuna"),
    W("qna"),
    W("mena"),
    W("sana"),
    W("agencies"),
    W("wire services"),
    W("news agencies"),
};

static int in_list(const char *f, size_t n, const word *list, size_t k) {
    if (!n) return 0;
    for (size_t i = 0; i < k; i++) /* length and first byte before memcmp */
        if (list[i].len == n && list[i].text[0] == f[0] &&
            !memcmp(f, list[i].text, n))
            return 1;
    return 0;
}

int px_lex_wire(const char *f, size_t n) {
    return in_list(f, n, wires, sizeof wires / sizeof wires[0]);
}

/* Calls to action that are never the start of a news sentence. */
static const word share_strong[] = {
    W("share this article"),
    W("share this story"),
    W("share this page"),
    W("share this post"),
    W("share this:"),
    W("share via"),
    W("share:"),
    W("follow us"),
    W("subscribe to our"),
    W("subscribe now"),
    W("sign up for our"),
    W("click here to"),
    W("like us on"),
    W("email this"),
    W("tweet this"),
    W("download our app"),
    W("подписывайтесь"),
    W("подпишитесь на"),
    W("поделиться"),
    W("abonnez-vous"),
    W("suivez-nous"),
    W("folgen sie uns"),
    W("síguenos"),
    W("suscríbete"),
    W("seguici"),
    W("siga-nos"),
    W("bizi izləyin"),
    W("bizi takip edin"),
    W("تابعونا"),
    W("关注我们"),
    W("分享到"),
};

/* Verbs that need a platform named in the same line. */
static const word share_weak[] = {
    W("follow "), W("subscribe "), W("sign up "), W("join "),  W("download "),
    W("get "),    W("share "),     W("stay "),    W("watch "),
};

static const word platforms[] = {
    W("facebook"),    W("twitter"),   W("x"),        W("telegram"),
    W("whatsapp"),    W("instagram"), W("linkedin"), W("youtube"),
    W("tiktok"),      W("email"),     W("e-mail"),   W("newsletter"),
    W("newsletters"), W("channel"),   W("rss"),      W("vk"),
    W("viber"),       W("threads"),   W("bluesky"),  W("mastodon"),
    W("pinterest"),   W("reddit"),    W("app"),      W("podcast"),
    W("google"),
};

static int has_prefix(const char *f, size_t n, const word *list, size_t k) {
    if (!n) return 0;
    for (size_t i = 0; i < k; i++) /* first byte before memcmp: hot path */
        if (list[i].text[0] == f[0] && list[i].len <= n &&
            !memcmp(f, list[i].text, list[i].len))
            return 1;
    return 0;
}

static int is_platform(const char *w, size_t n) {
    return in_list(w, n, platforms, sizeof platforms / sizeof platforms[0]);
}

static int is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c >= 0x80;
}

/* Counts the words of f that name a platform, and all words. */
static void scan_platforms(const char *f, size_t n, size_t *plat,
                           size_t *words) {
    size_t i = 0;
    *plat = *words = 0;
    while (i < n) {
        while (i < n && !is_word_byte((unsigned char)f[i])) i++;
        size_t s = i;
        while (i < n && is_word_byte((unsigned char)f[i])) i++;
        if (i == s) continue;
        (*words)++;
        if (is_platform(f + s, i - s)) (*plat)++;
    }
}

int px_lex_share(const char *f, size_t n, int at_edge) {
    if (has_prefix(f, n, share_strong,
                   sizeof share_strong / sizeof share_strong[0]))
        return 1;
    size_t plat, words;
    scan_platforms(f, n, &plat, &words);
    if (plat >= 2 && plat == words) return 1; /* "Facebook | X | Email" */
    return at_edge && plat > 0 &&
           has_prefix(f, n, share_weak,
                      sizeof share_weak / sizeof share_weak[0]);
}

/* 1 if an entry's first word is w (folded, n bytes). */
static int first_word_in(const char *w, size_t n, const word *list, size_t k) {
    for (size_t i = 0; i < k; i++) {
        const char *e = list[i].text;
        if (e[0] != w[0] || list[i].len < n || memcmp(e, w, n)) continue;
        if (list[i].len == n || e[n] == ' ' || e[n] == ':') return 1;
    }
    return 0;
}

static unsigned lower_ascii(unsigned char b) {
    return (unsigned)(b - 'A') < 26u ? b + 32u : b;
}

/* Bit of the set for a line opening with bytes b0 b1 (ASCII). */
static unsigned gate_bit(unsigned char b0, unsigned char b1) {
    return (lower_ascii(b0) * 31u + lower_ascii(b1)) & 511u;
}

/* The 512-bit set of gate_bit() over the first two bytes of every entry
 * of share_strong and share_weak, precomputed (it used to be built per
 * article); share_gate_matches() recomputes it, and px_clean_run asserts
 * that the two agree, so a list edit without updating this table fails
 * every debug and sanitizer build. */
static const uint64_t share_gate_set[8] = {
    0x0000000200000000ull, 0x0000020600640089ull, 0x0001010000000808ull,
    0x0000000040040600ull, 0x0000000000000000ull, 0x2000000000000020ull,
    0x0000000000000000ull, 0x0000800000000000ull,
};

int px_lex_share_gate_ok(void) {
    const word *lists[] = {share_strong, share_weak};
    size_t sizes[] = {sizeof share_strong / sizeof share_strong[0],
                      sizeof share_weak / sizeof share_weak[0]};
    uint64_t set[8] = {0};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < sizes[k]; i++) {
            const unsigned char *t = (const unsigned char *)lists[k][i].text;
            unsigned b = gate_bit(t[0], t[1]);
            set[b >> 6] |= 1ull << (b & 63);
        }
    return !memcmp(set, share_gate_set, sizeof set);
}

int px_lex_share_gate(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    if (n < 2) return 0;
    if (u[0] >= 0x80 || u[1] >= 0x80) return 1; /* no ASCII key: maybe */
    unsigned b = gate_bit(u[0], u[1]);
    return (int)(share_gate_set[b >> 6] >> (b & 63) & 1);
}

int px_lex_share_first(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && k < 40 && s[k] != ' ' && s[k] != ':' && s[k] != '\t') k++;
    char f[64];
    size_t fl = px_fold(s, k, f, sizeof f);
    if (fl == (size_t)-1 || !fl) return 0;
    return first_word_in(f, fl, share_strong,
                         sizeof share_strong / sizeof share_strong[0]) ||
           first_word_in(f, fl, share_weak,
                         sizeof share_weak / sizeof share_weak[0]);
}

static const word reporting[] = {
    W("reporting by"),
    W("(reporting by"),
    W("additional reporting by"),
    W("(additional reporting by"),
    W("writing by"),
    W("(writing by"),
    W("editing by"),
    W("(editing by"),
    W("compiled by"),
    W("(compiled by"),
};

int px_lex_reporting(const char *f, size_t n) {
    return has_prefix(f, n, reporting, sizeof reporting / sizeof reporting[0]);
}
