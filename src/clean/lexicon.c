/*
 * lexicon.c - UI labels, wire services, calls to action (see lexicon.h).
 *
 * The lists were written for this project from common page furniture of
 * news sites in many languages.  They are deliberately narrow: a rule that
 * uses them also checks the shape of the text (a whole short line, or a
 * run glued after the end of a paragraph), so an entry never removes words
 * from the middle of a sentence.
 */
#include <string.h> /* strcmp, strncmp, memcmp */

#include "clean/lexicon.h"

typedef struct label {
    const char *text; /* folded */
    const char *lang;
} label;

static const label ui_labels[] = {
    {"advertisement", "en"}, {"advertisements", "en"}, {"advertising", "en"},
    {"ad", "en"}, {"ads", "en"}, {"sponsored", "en"},
    {"sponsored content", "en"}, {"paid content", "en"},
    {"paid partnership", "en"}, {"promoted", "en"}, {"promoted content", "en"},
    {"skip advertisement", "en"}, {"continue reading", "en"},
    {"continue reading below", "en"}, {"story continues below", "en"},
    {"story continues below advertisement", "en"},
    {"article continues below", "en"},
    {"article continues below advertisement", "en"},
    {"scroll to continue", "en"}, {"scroll to continue with content", "en"},
    {"read more", "en"}, {"read more:", "en"}, {"read also", "en"},
    {"read also:", "en"}, {"see also", "en"}, {"see also:", "en"},
    {"related", "en"}, {"related:", "en"}, {"related articles", "en"},
    {"related stories", "en"}, {"related news", "en"},
    {"recommended", "en"}, {"recommended for you", "en"},
    {"more on this story", "en"}, {"most read", "en"},
    {"listen to this article", "en"}, {"click to expand", "en"},
    {"our standards: the thomson reuters trust principles.", "en"},
    {"(adsbygoogle = window.adsbygoogle || []).push({});", "js"},
    {"anzeige", "de"}, {"werbung", "de"}, {"weiterlesen", "de"},
    {"lesen sie auch", "de"}, {"mehr zum thema", "de"},
    {"publicité", "fr"}, {"lire aussi", "fr"}, {"à lire aussi", "fr"},
    {"lire la suite", "fr"}, {"publicidad", "es"}, {"anuncio", "es"},
    {"lea también", "es"}, {"leer más", "es"}, {"seguir leyendo", "es"},
    {"pubblicità", "it"}, {"leggi anche", "it"}, {"publicidade", "pt"},
    {"leia também", "pt"}, {"leia mais", "pt"}, {"advertentie", "nl"},
    {"lees ook", "nl"}, {"annons", "sv"}, {"annonce", "da"},
    {"annonse", "no"}, {"mainos", "fi"}, {"reklama", "pl/cs"},
    {"czytaj także", "pl"}, {"czytaj też", "pl"}, {"reklam", "tr/az"},
    {"ilgili haberler", "tr"}, {"oxşar xəbərlər", "az"}, {"iklan", "id"},
    {"baca juga", "id"}, {"quảng cáo", "vi"}, {"реклама", "ru/uk"},
    {"читайте также", "ru"}, {"читать далее", "ru"}, {"подробнее", "ru"},
    {"новости партнеров", "ru"}, {"читайте також", "uk"},
    {"διαφήμιση", "el"}, {"פרסומת", "he"}, {"اضافة اعلان", "ar"},
    {"إضافة إعلان", "ar"}, {"اعلان", "ar"}, {"إعلان", "ar"},
    {"إعلانات", "ar"}, {"اعلانات", "ar"}, {"اقرأ أيضا", "ar"},
    {"اقرأ أيضاً", "ar"}, {"اقرا ايضا", "ar"}, {"تبلیغات", "fa"},
    {"بیشتر بخوانید", "fa"}, {"اشتہار", "ur"}, {"विज्ञापन", "hi"},
    {"বিজ্ঞাপন", "bn"}, {"โฆษณา", "th"}, {"广告", "zh"}, {"廣告", "zh"},
    {"相关阅读", "zh"}, {"相關閱讀", "zh"}, {"推荐阅读", "zh"},
    {"広告", "ja"}, {"関連記事", "ja"}, {"광고", "ko"}, {"관련기사", "ko"},
    {"რეკლამა", "ka"}, {"գովազդ", "hy"},
};

const char *px_lex_ui_label(const char *f) {
    for (size_t i = 0; i < sizeof ui_labels / sizeof ui_labels[0]; i++)
        if (!strcmp(f, ui_labels[i].text)) return ui_labels[i].lang;
    return NULL;
}

static const char *const wires[] = {
    "reuters", "thomson reuters", "ap", "associated press",
    "the associated press", "afp", "agence france-presse",
    "agence france presse", "dpa", "efe", "ansa", "bloomberg", "xinhua",
    "tass", "ria novosti", "interfax", "anadolu", "anadolu agency", "kyodo",
    "kyodo news", "yonhap", "pti", "ians", "ani", "bernama", "antara", "aap",
    "pa", "pa media", "press association", "europa press", "apa", "belga",
    "anp", "ritzau", "ntb", "lusa", "ukrinform", "unian", "ctk", "pap",
    "mti", "azertac", "irna", "wam", "kuna", "qna", "mena", "sana",
    "agencies", "wire services", "news agencies",
};

int px_lex_wire(const char *f, size_t n) {
    for (size_t i = 0; i < sizeof wires / sizeof wires[0]; i++)
        if (strlen(wires[i]) == n && !memcmp(f, wires[i], n)) return 1;
    return 0;
}

/* Calls to action that are never the start of a news sentence. */
static const char *const share_strong[] = {
    "share this article", "share this story", "share this page",
    "share this post", "share this:", "share via", "share:", "follow us",
    "subscribe to our", "subscribe now", "sign up for our", "click here to",
    "like us on", "email this", "tweet this", "download our app",
    "подписывайтесь", "подпишитесь на", "поделиться", "abonnez-vous",
    "suivez-nous", "folgen sie uns", "síguenos", "suscríbete", "seguici",
    "siga-nos", "bizi izləyin", "bizi takip edin", "تابعونا", "关注我们",
    "分享到",
};

/* Verbs that need a platform named in the same line. */
static const char *const share_weak[] = {
    "follow ", "subscribe ", "sign up ", "join ", "download ", "get ",
    "share ", "stay ", "watch ",
};

static const char *const platforms[] = {
    "facebook", "twitter", "x", "telegram", "whatsapp", "instagram",
    "linkedin", "youtube", "tiktok", "email", "e-mail", "newsletter",
    "newsletters", "channel", "rss", "vk", "viber", "threads", "bluesky",
    "mastodon", "pinterest", "reddit", "app", "podcast", "google",
};

static int has_prefix(const char *f, size_t n, const char *const *list,
                      size_t k) {
    for (size_t i = 0; i < k; i++) {
        size_t l = strlen(list[i]);
        if (l <= n && !memcmp(f, list[i], l)) return 1;
    }
    return 0;
}

static int is_platform(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof platforms / sizeof platforms[0]; i++)
        if (strlen(platforms[i]) == n && !memcmp(w, platforms[i], n)) return 1;
    return 0;
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

static const char *const reporting[] = {
    "reporting by", "(reporting by", "additional reporting by",
    "(additional reporting by", "writing by", "(writing by", "editing by",
    "(editing by", "compiled by", "(compiled by",
};

int px_lex_reporting(const char *f, size_t n) {
    return has_prefix(f, n, reporting, sizeof reporting / sizeof reporting[0]);
}
