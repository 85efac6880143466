package io.rampart.core.sender;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.links.Lookalikes;
import io.rampart.core.text.ContentAnalyzer;
import io.rampart.core.text.TextNormalizer;

/**
 * Reading a display name the way its reader sees it, and the tricks that only show in how it is
 * written: characters nobody types (zero-width joiners, combining marks from other scripts hung on Latin
 * letters: {@code A͏m͏a͏z͏o͏n}), Cyrillic or Greek letters inside a Latin word ({@code Мetаmаsk}), a
 * brand spelt with a capital I for its l or a digit for a letter ({@code Iedger}, {@code lCIoud},
 * {@code Banco do BrasiI}), and the reference numbers and random codes of notice-style lures ({@code Caixa Tem -
 * Protocolo 186553793753752}, {@code Conta bloqueada - Cod.VXfQMHkaoGC4YFK4kX1}).
 *
 * <p>Written by hand: Unicode's confusable skeletons (UTS #39, ICU's SpoofChecker) fold lowercase i and l
 * together, so they would read the Dutch app "Appie" as Apple; this looks only for the swaps a reader
 * cannot see in a mail program's sans-serif font.
 */
final class DisplayNames {
    /**
     * Brands judged in display names only: their names are words or too short to judge link domains by
     * edit distance (a "lookalike" of ledger or ripple would be any ordinary site), but a display name that
     * is the brand's, on mail from elsewhere, is the impersonation. Multi-word names are matched with
     * their spaces squeezed out. Sources: the brands of phishing reports of 2023-2025 (crypto exchanges and
     * wallets; Brazilian, European and North American banks, carriers and post offices).
     */
    static final ImmutableMap<String, ImmutableSet<String>> NAME_BRANDS = ImmutableMap.<String, ImmutableSet<String>>builder()
        .put("ledger", ImmutableSet.of("ledger.com", "ledger.fr", "ledgerwallet.com"))
        .put("ripple", ImmutableSet.of("ripple.com"))
        .put("xrp", ImmutableSet.of("ripple.com", "xrpl.org"))
        .put("kraken", ImmutableSet.of("kraken.com"))
        .put("bittrex", ImmutableSet.of("bittrex.com", "bittrexglobal.com"))
        .put("ftx", ImmutableSet.of("ftx.com", "ftx.us"))
        .put("coindesk", ImmutableSet.of("coindesk.com"))
        .put("kucoin", ImmutableSet.of("kucoin.com"))
        .put("bybit", ImmutableSet.of("bybit.com"))
        .put("okx", ImmutableSet.of("okx.com"))
        .put("pancakeswap", ImmutableSet.of("pancakeswap.finance"))
        .put("sushiswap", ImmutableSet.of("sushi.com"))
        .put("uniswap", ImmutableSet.of("uniswap.org"))
        .put("aave", ImmutableSet.of("aave.com"))
        .put("robinhood", ImmutableSet.of("robinhood.com"))
        .put("revolut", ImmutableSet.of("revolut.com"))
        // "Booking.com Partner Support": the hotel-extranet lure of 2024-2025 (a guest's complaint, a card to re-confirm)
        .put("booking com", ImmutableSet.of("booking.com", "bstatic.com"))
        // Not among the link brands: "openal" (the audio library's site) is one letter away.
        .put("openai", ImmutableSet.of("openai.com", "chatgpt.com"))
        .put("western union", ImmutableSet.of("westernunion.com", "wu.com"))
        .put("moneygram", ImmutableSet.of("moneygram.com"))
        .put("norton", ImmutableSet.of("norton.com", "nortonlifelock.com", "gen.digital"))
        .put("evernote", ImmutableSet.of("evernote.com"))
        // Not Copilot: other companies' assistants are named so too ("Salesforce Einstein Copilot" at salesforce.com)
        .put("total av", ImmutableSet.of("totalav.com"))
        .put("meta business", ImmutableSet.of("facebook.com", "facebookmail.com", "meta.com", "metamail.com"))
        .put("meta support", ImmutableSet.of("facebook.com", "facebookmail.com", "meta.com", "metamail.com"))
        .put("github", ImmutableSet.of("github.com", "githubusercontent.com"))
        .put("twitter", ImmutableSet.of("twitter.com", "x.com"))
        .put("discord", ImmutableSet.of("discord.com", "discordapp.com"))
        .put("proton mail", ImmutableSet.of("proton.me", "protonmail.com", "protonmail.ch"))
        .put("banco do brasil", ImmutableSet.of("bb.com.br"))
        .put("ourocard", ImmutableSet.of("bb.com.br"))
        .put("caixa tem", ImmutableSet.of("caixa.gov.br"))
        .put("caixa economica", ImmutableSet.of("caixa.gov.br"))
        .put("itaucard", ImmutableSet.of("itau.com.br", "itaucard.com.br"))
        .put("livelo", ImmutableSet.of("livelo.com.br"))
        .put("correios", ImmutableSet.of("correios.com.br"))
        .put("mercado pago", ImmutableSet.of("mercadopago.com", "mercadopago.com.br", "mercadolivre.com.br", "mercadolibre.com"))
        .put("porto seguro", ImmutableSet.of("portoseguro.com.br"))
        .put("serasa", ImmutableSet.of("serasa.com.br", "serasaexperian.com.br"))
        .put("picpay", ImmutableSet.of("picpay.com"))
        .put("casas bahia", ImmutableSet.of("casasbahia.com.br"))
        .put("postnl", ImmutableSet.of("postnl.nl"))
        .put("la poste", ImmutableSet.of("laposte.fr", "laposte.net"))
        .put("poste italiane", ImmutableSet.of("poste.it", "posteitaliane.it"))
        .put("correos", ImmutableSet.of("correos.es", "correos.com"))
        .put("deutsche post", ImmutableSet.of("deutschepost.de", "deutschepost.com", "dhl.de", "dhl.com", "dpdhl.com"))
        .put("canada post", ImmutableSet.of("canadapost.ca", "canadapost-postescanada.ca"))
        .put("australia post", ImmutableSet.of("auspost.com.au"))
        .put("evri", ImmutableSet.of("evri.com"))
        .put("dpd", ImmutableSet.of("dpd.com", "dpd.de", "dpd.co.uk", "dpd.fr", "dpdgroup.com"))
        // European banks and health insurance whose names phishing wears (regional banks with many domains of
        // their own, Volksbanken and Crédit Agricole's caisses, are left out: their names would be misjudged)
        .put("sparkasse", ImmutableSet.of("sparkasse.de"))
        .put("commerzbank", ImmutableSet.of("commerzbank.de", "commerzbank.com"))
        .put("deutsche bank", ImmutableSet.of("db.com", "deutsche-bank.de"))
        .put("postbank", ImmutableSet.of("postbank.de"))
        .put("dkb", ImmutableSet.of("dkb.de"))
        .put("assurance maladie", ImmutableSet.of("ameli.fr"))
        .put("ameli", ImmutableSet.of("ameli.fr"))
        .put("la banque postale", ImmutableSet.of("labanquepostale.fr"))
        .put("intesa sanpaolo", ImmutableSet.of("intesasanpaolo.com"))
        .put("unicredit", ImmutableSet.of("unicredit.it", "unicredit.eu", "unicreditgroup.eu"))
        .put("bbva", ImmutableSet.of("bbva.es", "bbva.com"))
        .put("caixabank", ImmutableSet.of("caixabank.es", "caixabank.com"))
        // Chinese names of the services and banks Chinese phishing imitates, matched anywhere in the name
        // (Chinese has no spaces between words: 钉钉安全中心, 中国工商银行客服)
        .put("钉钉", ImmutableSet.of("dingtalk.com"))
        .put("企业微信", ImmutableSet.of("qq.com", "tencent.com"))
        .put("微信支付", ImmutableSet.of("qq.com", "tencent.com", "wechat.com"))
        .put("飞书", ImmutableSet.of("feishu.cn", "larksuite.com", "bytedance.com"))
        .put("支付宝", ImmutableSet.of("alipay.com", "alipay.cn", "antgroup.com"))
        .put("淘宝", ImmutableSet.of("taobao.com", "alibaba-inc.com"))
        .put("京东", ImmutableSet.of("jd.com", "jd.hk"))
        .put("顺丰", ImmutableSet.of("sf-express.com", "sf-international.com"))
        // the other couriers of the parcel scam, by their full names (德邦证券 is a broker, not 德邦快递)
        .put("德邦快递", ImmutableSet.of("deppon.com"))
        .put("德邦物流", ImmutableSet.of("deppon.com"))
        .put("中通快递", ImmutableSet.of("zto.com"))
        .put("圆通速递", ImmutableSet.of("yto.net.cn"))
        .put("圆通快递", ImmutableSet.of("yto.net.cn"))
        .put("韵达快递", ImmutableSet.of("yundaex.com"))
        .put("申通快递", ImmutableSet.of("sto.cn"))
        .put("极兔速递", ImmutableSet.of("jtexpress.com.cn", "jtexpress.com"))
        // e-invoice platforms: the fake 电子发票 notice is a lure of its own
        .put("诺诺网", ImmutableSet.of("nuonuo.com"))
        .put("诺诺发票", ImmutableSet.of("nuonuo.com"))
        .put("百望云", ImmutableSet.of("baiwang.com"))
        .put("滴滴出行", ImmutableSet.of("didiglobal.com", "xiaojukeji.com", "didichuxing.com"))
        .put("中国邮政", ImmutableSet.of("chinapost.com.cn", "11185.cn"))
        .put("工商银行", ImmutableSet.of("icbc.com.cn", "icbc.com"))
        .put("建设银行", ImmutableSet.of("ccb.com", "ccb.cn"))
        .put("农业银行", ImmutableSet.of("abchina.com"))
        .put("中国银行", ImmutableSet.of("boc.cn", "bankofchina.com"))
        .put("招商银行", ImmutableSet.of("cmbchina.com"))
        .put("交通银行", ImmutableSet.of("bankcomm.com"))
        .put("阿里云", ImmutableSet.of("aliyun.com", "alibabacloud.com", "alibaba-inc.com"))
        .put("腾讯企业邮", ImmutableSet.of("qq.com", "tencent.com"))
        .build();

    /** A run of seven digits or more that is not a phone number written with its country code. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d+])\\d{7,}(?!\\d)");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

    private DisplayNames() {
    }

    /**
     * The name as its reader sees it: composed (NFC), without invisible characters and without combining
     * marks hung on ASCII letters (a Syriac or Cyrillic mark on an "a" is not an accent of any language
     * written in Latin letters; accents compose away under NFC), and with styled letters (mathematical bold
     * and italic, fullwidth) read as the plain letters they show. Not full NFKC: that would turn "™" into "TM".
     */
    static String visible(String name) {
        StringBuilder out = new StringBuilder(name.length());
        strip(TextNormalizer.unstyled(name), out);
        return out.toString();
    }

    /**
     * How many letters of the name are mathematical alphanumerics ("𝗡𝗲𝘁𝗳𝗹𝗶𝘅", "𝙋𝙖𝙮𝙋𝙖𝙡"): bold or italic look-alikes that
     * a word filter does not read as letters. Fullwidth letters are not counted: Chinese and Japanese input
     * methods type them.
     */
    static int mathematicalLetters(String name) {
        return (int) name.codePoints().filter(TextNormalizer::isMathematicalLetter).count();
    }

    /** How many characters {@link #visible} leaves out that sit next to letters: nobody types them. */
    static int hiddenBetweenLetters(String name) {
        return strip(name, null);
    }

    /**
     * Composes {@code name} (NFC) and copies it to {@code kept} (when given) without the characters a reader does
     * not see; returns how many of those sat next to a letter or digit.
     */
    private static int strip(String name, StringBuilder kept) {
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        int besideLetters = 0;
        char previousKept = 0;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (hidden(c, previousKept)) {
                if (Character.isLetterOrDigit(previousKept)) {
                    besideLetters++;
                }
                continue;
            }
            if (kept != null) {
                kept.append(c);
            }
            previousKept = c;
        }
        return besideLetters;
    }

    private static boolean hidden(char c, char previousKept) {
        int type = Character.getType(c);
        return type == Character.FORMAT
            || type == Character.NON_SPACING_MARK && previousKept < 128 && Character.isLetter(previousKept);
    }

    /** Lowercase, accents removed ("Itaú" reads "itau"): how names are compared with brands. */
    static String plain(String visibleName) {
        String decomposed = Normalizer.normalize(visibleName, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** A Latin word with a Cyrillic or Greek letter inside ("Мetаmаsk", "ҏaypal"), if the name has one. */
    static Optional<String> mixedScriptWord(String visibleName) {
        for (String word : visibleName.split("[^\\p{L}\\p{N}]+")) {
            boolean latin = false;
            boolean other = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                latin |= c < 128 && Character.isLetter(c);
                other |= isCyrillicOrGreek(c);
            }
            if (latin && other) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /**
     * A display name's letters and digits as written (spaces and punctuation squeezed out), each also folded
     * to lowercase without accents, and where its words begin and end: computed once per message, compared
     * with every brand.
     */
    static final class Letters {
        final String written;
        final char[] folded;
        final boolean[] wordStart;
        final boolean[] wordEnd;
        /** The letters with every look-alike folded to one class (i, l, I, 1 and | to '*'; 0 to o): where to look. */
        final String skeleton;

        Letters(String visibleName) {
            StringBuilder letters = new StringBuilder(visibleName.length());
            int n = visibleName.length();
            boolean[] starts = new boolean[n + 1];
            boolean[] ends = new boolean[n + 1];
            boolean inWord = false;
            for (int i = 0; i < n; i++) {
                char c = visibleName.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    starts[letters.length()] = !inWord;
                    letters.append(c);
                    inWord = true;
                } else {
                    if (inWord) {
                        ends[letters.length() - 1] = true;
                    }
                    inWord = false;
                }
            }
            if (inWord) {
                ends[letters.length() - 1] = true;
            }
            this.written = letters.toString();
            this.folded = new char[written.length()];
            for (int i = 0; i < folded.length; i++) {
                char c = written.charAt(i);
                String plain = c < 128 ? null : plain(String.valueOf(c));
                folded[i] = c < 128 ? Character.toLowerCase(c) : plain.length() == 1 ? plain.charAt(0) : c;
            }
            this.wordStart = starts;
            this.wordEnd = ends;
            char[] classes = new char[folded.length];
            for (int i = 0; i < classes.length; i++) {
                char c = written.charAt(i);
                classes[i] = lookalikeClass(isCyrillicOrGreek(c) ? foreignLatin(c) : folded[i]);
            }
            this.skeleton = new String(classes);
        }
    }

    private static char lookalikeClass(char c) {
        return c == 'i' || c == 'l' || c == '1' || c == '|' ? '*' : c == '0' ? 'o' : c;
    }

    /** A brand's skeleton, as {@link Letters#skeleton} folds a name's letters. */
    static String skeleton(String brand) {
        char[] classes = brand.toCharArray();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = lookalikeClass(classes[i]);
        }
        return new String(classes);
    }

    /**
     * Where the name spells {@code brand} (lowercase ASCII, spaces squeezed out) with letters a reader cannot
     * tell from the brand's own, the text that does: a capital I for an l, an l for an i, the digits 1 and 0
     * for l, i and o, Cyrillic or Greek look-alikes. At least one such letter, and every other letter the
     * brand's (any case, accents aside). Brands of six letters or more are looked for across word breaks
     * ("Banco do BrasiI"); shorter ones must be a whole word.
     */
    /**
     * {@code name} with the look-alikes of capitals read as the capitals they pass for: a small l, or a 1, beside a
     * capital letter is an I ("lRS", "1RS"), a 0 beside a capital an O ("H0MELAND"). Only beside capitals: "Bill",
     * "Room 101" and "l'Agence" keep their letters.
     */
    static String capitalLookalikes(String name) {
        StringBuilder out = new StringBuilder(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != 'l' && c != '1' && c != '0') {
                continue;
            }
            boolean capitalBeside = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                || i + 1 < name.length() && Character.isUpperCase(name.charAt(i + 1));
            if (capitalBeside) {
                out.setCharAt(i, c == '0' ? 'O' : 'I');
            }
        }
        return out.toString();
    }

    static Optional<String> disguisedBrand(Letters name, String brand, String brandSkeleton) {
        int length = brand.length();
        // Only where the skeletons agree can the letters be the brand's or their look-alikes (one indexOf per brand).
        for (int start = name.skeleton.indexOf(brandSkeleton); start >= 0; start = name.skeleton.indexOf(brandSkeleton, start + 1)) {
            if (length < 6 && !(name.wordStart[start] && name.wordEnd[start + length - 1])) {
                continue;
            }
            if (spellsWithLookalikes(name, start, brand)) {
                return Optional.of(name.written.substring(start, start + length));
            }
        }
        return Optional.empty();
    }

    private static boolean spellsWithLookalikes(Letters name, int start, String brand) {
        boolean disguised = false;
        for (int i = 0; i < brand.length(); i++) {
            char wanted = brand.charAt(i);
            if (name.folded[start + i] == wanted) {
                continue;
            }
            char c = name.written.charAt(start + i);
            if (c == 'I' && wanted == 'l' || c == 'l' && wanted == 'i' || c == '1' && (wanted == 'l' || wanted == 'i')
                || c == '0' && wanted == 'o' || isForeignLookalike(c, wanted)) {
                disguised = true;
                continue;
            }
            return false;
        }
        return disguised;
    }

    /** Cyrillic and Greek capitals drawn as Latin ones (their small letters differ: м, н, т). */
    private static final String FOREIGN_CAPITALS = "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u04ae"
        + "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7";
    private static final String LATIN_CAPITALS = "abekmhopctxy" + "abezhikmnoptyx";

    private static boolean isForeignLookalike(char c, char wanted) {
        return isCyrillicOrGreek(c) && foreignLatin(c) == wanted;
    }

    private static boolean isCyrillicOrGreek(char c) {
        return c >= '\u0370' && c <= '\u052f';
    }

    /** The Latin small letter a Cyrillic or Greek letter is drawn like, or the letter itself. */
    private static char foreignLatin(char c) {
        int capital = FOREIGN_CAPITALS.indexOf(c);
        return capital >= 0 ? LATIN_CAPITALS.charAt(capital) : Lookalikes.fold(c);
    }

    /**
     * A reference number or random code in the name, as notice-style lures write them so that each copy
     * differs and looks official: seven digits or more (not a phone number with its country code, nor a
     * number the address also carries, as SMS and fax gateways write), or a random string of letters and
     * digits (the test of {@code text.random-token}).
     */
    static Optional<String> referenceCode(String visibleName, String address) {
        Matcher number = LONG_NUMBER.matcher(visibleName);
        while (number.find()) {
            if (!address.contains(number.group())) {
                return Optional.of(number.group());
            }
        }
        for (String token : NOT_ALPHANUMERIC.split(visibleName)) {
            if (ContentAnalyzer.isRandom(token)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
