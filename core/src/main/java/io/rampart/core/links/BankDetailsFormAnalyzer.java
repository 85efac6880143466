package io.rampart.core.links;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;

/**
 * {@code link.bank-details-form}: the reader is asked to enter or update where their pay or money goes (direct
 * deposit, bank or payroll details; 工资卡, 银行卡, 收款账户) and the link goes to a form builder anyone can open a form on
 * (Microsoft Forms, Google Forms, Typeform, JotForm, 问卷星, 金数据, 腾讯问卷...). Payroll diversion by a stolen account
 * ("HR asked me to pass this on: everyone has to re-enter their direct deposit details by Friday") and by outside
 * senders takes the answers there; payroll providers and HR systems collect bank details in their own applications.
 * Read whoever the sender is: the stolen colleague's account is the case.
 */
public final class BankDetailsFormAnalyzer implements Analyzer {
    public static final String RULE = "link.bank-details-form";
    public static final double SCORE = 2.5;
    static final int MAX_CHARS = 6_000;

    /** Form builders (registrable domains or hosts), where the form's owner is whoever made it. */
    static final ImmutableSet<String> FORM_BUILDERS = ImmutableSet.of("forms.office.com", "forms.microsoft.com",
        "forms.gle", "typeform.com", "jotform.com", "formstack.com", "wufoo.com", "surveymonkey.com", "tally.so",
        "cognitoforms.com", "123formbuilder.com", "forms.zohopublic.com", "wjx.cn", "wjx.top", "jinshuju.net",
        "wj.qq.com", "docs.qq.com");
    private static final String[] CUES = {"deposit", "bank", "payroll", "salary", "account", "工资", "银行", "收款", "账户"};
    private static final Pattern REQUEST = Pattern.compile(
        "\\b(re-?enter|update|confirm|verify|submit|provide|enter|fill in|complete)\\b[^.!?\\n]{0,50}"
            + "\\b(direct deposit|bank(ing)?|payroll|salary|pay) (details|information|info|account|form)\\b"
            + "|(填写|更新|确认|重新填写|提交|登记)[^。！？!?\\n]{0,20}(工资卡|银行卡|银行账户|银行账号|收款账户|收款账号|工资账户)");

    @Override
    public String name() {
        return "bank-details-form";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        if (report.urls().isEmpty()) {
            return;
        }
        String text = message.leadingText(MAX_CHARS).toLowerCase(Locale.ROOT);
        if (java.util.Arrays.stream(CUES).noneMatch(text::contains)) {
            return;
        }
        Matcher request = REQUEST.matcher(text);
        if (!request.find()) {
            return;
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isPresent() && isForm(url.get())) {
                report.add(RULE, SCORE, Category.PHISH, "asks to '" + request.group() + "' on a form at " + url.get().host()
                    + ", a form builder anyone opens forms on, not a payroll system");
                return;
            }
        }
    }

    private static boolean isForm(NormalizedUrl url) {
        String host = url.host();
        if (host.isEmpty()) {
            return false;
        }
        if (host.equals("docs.google.com")) {
            return url.pathAndQuery().startsWith("/forms/");
        }
        return LinkAnalysis.onList(FORM_BUILDERS, host);
    }
}
