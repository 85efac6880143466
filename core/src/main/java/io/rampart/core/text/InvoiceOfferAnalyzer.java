package io.rampart.core.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;

/**
 * {@code text.invoice-offer}: an offer to issue tax invoices for someone else's business (代开发票), China's most common
 * spam for twenty years: "本公司可优惠代开各类发票，点数较低", "增值税发票2%左右优惠代开或合作". Selling invoices is a
 * crime there, so a company never offers it by mail; the words that carry the offer are 代开 beside 发票 (or a tax
 * receipt, 缴款书), or invoices beside a commission in points (税点, 点数, 票点), which no real invoice speaks of (it
 * states a 税率). Not a warning or a news item (谨防, 严禁, 打击, 虚开, 不法分子, 以…为名 around it) and not the tax office's own
 * service, which issues invoices for individuals on request (向税务机关申请代开). 272 corpus spam, no ham.
 */
public final class InvoiceOfferAnalyzer implements Analyzer {
    /** Four points: with the bulk and payment wording such offers carry they reach the spam threshold. */
    public static final double SCORE = 4.0;
    static final int MAX_CHARS = 6_000;

    private static final Pattern OFFER = Pattern.compile(
        "代开[^。！？!?]{0,30}(发票|税票|专票|普票|缴款书|点数|税点)|(发票|税票|专票|普票|缴款书)[^。！？!?]{0,30}代开"
            + "|(发票|税票)[^。！？!?]{0,30}(税点|点数|票点)|(税点|点数|票点)[^。！？!?]{0,30}(发票|税票)");
    /** What, around the offer or in it, makes it a warning, a news report or the tax office's own service. */
    private static final Pattern NOT_AN_OFFER = Pattern.compile(
        "谨防|严禁|禁止|不得|打击|警惕|虚开|查处|举报|不法分子|冒充|骗局|诈骗|为名|违法|犯罪|税务机关|税务局|税务所|办税|申请");

    @Override
    public String name() {
        return "invoice-offer";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        String text = message.leadingText(MAX_CHARS);
        if (text.indexOf('票') < 0) {
            return;
        }
        offer(Lures.withoutWhitespace(text)).ifPresent(words -> report.add("text.invoice-offer", SCORE, Category.SPAM,
            "offers to issue tax invoices for another business, which no company offers by mail: '" + words + "'"));
    }

    static Optional<String> offer(String text) {
        Matcher matcher = OFFER.matcher(text);
        while (matcher.find()) {
            String around = text.substring(Math.max(0, matcher.start() - 20), Math.min(text.length(), matcher.end() + 12));
            if (!NOT_AN_OFFER.matcher(around).find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }
}
