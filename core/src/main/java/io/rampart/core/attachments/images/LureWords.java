package io.rampart.core.attachments.images;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

/**
 * Words that credential and payment lures put in pictures to get past text filters, English and
 * Chinese. Matched on OCR output, case-insensitively; Chinese needs no word boundaries.
 */
public final class LureWords {
    public static final ImmutableList<String> WORDS = ImmutableList.of(
        "password", "passcode", "verify", "verification", "account", "suspended", "locked", "expire", "expired",
        "mailbox", "storage", "quota", "sign in", "log in", "login", "invoice", "payment", "overdue", "refund",
        "urgent", "immediately", "confirm", "unlock", "scan", "qr code", "bank", "security alert", "shared document",
        "voicemail", "wire transfer", "tax", "bonus", "salary", "payroll", "delivery", "parcel",
        "密码", "验证", "账户", "帐户", "账号", "帐号", "登录", "过期", "到期", "冻结", "停用", "升级", "邮箱", "扫码",
        "扫描", "二维码", "发票", "退税", "补贴", "工资", "薪资", "个税", "社保", "点击", "立即", "银行", "转账", "汇款",
        "中奖", "领取");

    private LureWords() {
    }

    public static List<String> found(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String compact = lower.replace(" ", "");
        return WORDS.stream().filter(word -> lower.contains(word) || (isCjk(word) && compact.contains(word)))
            .collect(Collectors.toList());
    }

    private static boolean isCjk(String word) {
        return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
