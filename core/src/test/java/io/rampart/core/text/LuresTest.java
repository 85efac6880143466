package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LuresTest {
    @Test
    void aSignInThatStandsBeforeARecordingOrTranscriptIsACredentialLure() {
        assertThat(Lures.find("Sign in with your work account to view the transcript and action items."))
            .extracting(Lures.Hit::family).containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("Log in with your Microsoft account to open this voicemail.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("Please sign in with your email account to view the secure document.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("The recording and the transcript are in the shared channel; sign in as usual.")).isEmpty();
    }

    @Test
    void aThreatWithTheLawAgainstTheReaderIsALegalLureButTalkOfLawsuitsIsNot() {
        assertThat(Lures.find("A subpoena has been served on Google LLC requiring the production of content from your account."))
            .extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly("LEGAL:a subpoena has been served");
        assertThat(Lures.find("You are hereby summoned to appear in court on December 9. If you do not come, the case will "
            + "be heard in your absence.")).extracting(Lures.Hit::family).containsExactly(Lures.Family.LEGAL);
        assertThat(Lures.find("Pay now to avoid legal action.")).extracting(Lures.Hit::family).containsExactly(Lures.Family.LEGAL);
        assertThat(Lures.find("您有一张法院传票尚未签收，逾期未处理将依法缺席审理。")).extracting(Lures.Hit::family)
            .contains(Lures.Family.LEGAL);
        assertThat(Lures.find("Last week the court ruled on a copyright infringement lawsuit brought by a photo agency.")).isEmpty();
        assertThat(Lures.find("Legal suggests a formal demand letter before any legal action against them.")).isEmpty();
        assertThat(Lures.find("We have received a notice of copyright infringement concerning your server; please submit "
            + "a counter-notice if you disagree.")).as("a hosting provider forwarding a real complaint").isEmpty();
        assertThat(Lures.find("最高人民法院发布关于审理侵犯知识产权民事案件的司法解释。")).isEmpty();
    }

    @Test
    void aCountOfMessagesHeldInQuarantineIsTheHeldMailLure() {
        assertThat(Lures.find("You have 4 new messages held in quarantine. They will be deleted soon."))
            .extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly("SUSPENSION:4 new messages held in quarantine");
        assertThat(Lures.find("The three emails from Northwind were held in quarantine last week; IT released them.")).isEmpty();
    }

    @Test
    void findsEachFamilyInEnglishAndChinese() {
        List<Lures.Hit> hits = Lures.find("Dear user, please Verify your Account within 24 hours or your mailbox "
            + "will be suspended. Unpaid invoice attached.");
        assertThat(hits).extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly(
            "CREDENTIALS:verify your account", "SUSPENSION:mailbox will be suspended",
            "PAYMENT:unpaid invoice", "URGENCY:within 24 hours");
        assertThat(Lures.find("您的账户将被冻结，请立即验证您的账户")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.CREDENTIALS, Lures.Family.SUSPENSION, Lures.Family.URGENCY);
    }

    @Test
    void findsLuresInTheOtherLanguagesPhishingIsWrittenIn() {
        assertThat(Lures.find("Prezado cliente, seus pontos expiram hoje. Atualize seus dados imediatamente ou sua conta "
            + "será bloqueada.")).extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly(
            "CREDENTIALS:atualize seus dados", "SUSPENSION:sua conta será bloqueada", "PAYMENT:seus pontos expiram",
            "URGENCY:imediatamente");
        assertThat(Lures.find("Sehr geehrter Kunde, Ihr Konto wurde gesperrt. Bitte BESTÄTIGEN SIE IHRE DATEN innerhalb "
            + "von 24 Stunden.")).extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly(
            "CREDENTIALS:bestätigen sie ihre daten", "SUSPENSION:ihr konto wurde gesperrt", "URGENCY:innerhalb von 24 stunden");
        assertThat(Lures.find("Su cuenta ha sido suspendida: verifique su cuenta.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.CREDENTIALS, Lures.Family.SUSPENSION);
        assertThat(Lures.find("Félicitations, vous avez gagné ! Votre compte sera suspendu.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.SUSPENSION, Lures.Family.SCAM);
        assertThat(Lures.find("Claim your airdrop now: connect your wallet to receive the tokens.")).extracting(Lures.Hit::phrase)
            .containsExactly("connect your wallet", "claim your airdrop");
        assertThat(Lures.find("Nehmen Sie an unserer Umfrage teil und gewinnen Sie einen Gutschein.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.SCAM);
        assertThat(Lures.find("Rencontres coquines: des femmes célibataires près de chez vous")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.BULK);
        // Keywords match whole words only, and ordinary mail in those languages has none of them.
        assertThat(Lures.find("Segue em anexo a ata da reunião. Os dados do projeto estão na pasta compartilhada.")).isEmpty();
        assertThat(Lures.find("Anbei das Protokoll. Die Daten des Projekts liegen im gemeinsamen Ordner.")).isEmpty();
        assertThat(Lures.find("the airdrops of supplies reached the village")).isEmpty();
        assertThat(Lures.find("I sent you the photos by AirDrop, check your iPhone")).isEmpty();
        assertThat(Lures.find("An outstanding toll balance is due; avoid the suspension of your vehicle registration."))
            .extracting(Lures.Hit::family).contains(Lures.Family.PAYMENT, Lures.Family.SUSPENSION);
        assertThat(Lures.find("Call our toll-free number for help with your order.")).isEmpty();
        assertThat(Lures.find("You'll need to sign in with your Microsoft account to open it.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("Sign in with your account to see your order history.")).isEmpty();
        assertThat(Lures.find("Reply with your Social Security Number (for payroll) - bank name, routing number and account number"))
            .extracting(Lures.Hit::family).containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("Never send your Social Security number by email. Payroll forms are in Workday.")).isEmpty();
        assertThat(Lures.find("Up to $25,000 in final expense coverage. No medical exam, guaranteed acceptance."))
            .extracting(Lures.Hit::family).containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("We book qualified sales meetings for you. If not interested, just reply \"no\"."))
            .extracting(Lures.Hit::family).containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("Fill in the form with your date of birth, Social Security number and your bank account number"))
            .extracting(Lures.Hit::family).containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("Complete your W-4 in Workday; you will need your Social Security number and your bank account"
            + " number and routing number")).as("what to have ready, not a request").isEmpty();
        assertThat(List.of("Tiene una multa de tráfico pendiente de pago", "Votre amende non réglée sera majorée",
                "Ihr Bußgeld ist noch offen")).allSatisfy(text -> assertThat(Lures.find(text)).as(text)
            .extracting(Lures.Hit::family).contains(Lures.Family.PAYMENT));
        assertThat(Lures.find("The previous jackpot winner won 0.01 BTC: try the progressive daily jackpot.")).extracting(Lures.Hit::family)
            .contains(Lures.Family.BULK);
        assertThat(Lures.find("Nobody won Saturday's lottery, so the jackpot rolls over to next week.")).isEmpty();
        assertThat(Lures.find("Our records show an unpaid traffic violation. Your driving licence may be suspended."))
            .extracting(Lures.Hit::family).contains(Lures.Family.PAYMENT, Lures.Family.SUSPENSION);
        assertThat(Lures.find("Your service is scheduled for disconnection TODAY at 4:00 PM unless payment is made."))
            .extracting(Lures.Hit::family).contains(Lures.Family.SUSPENSION);
        assertThat(Lures.find("Vehicle tax for AB12 CDE is due on 1 December; it is illegal to drive a vehicle that is not taxed."))
            .isEmpty();
        assertThat(Lures.find("Your account access may be restricted if the course is not completed by Friday."))
            .extracting(Lures.Hit::family).contains(Lures.Family.SUSPENSION);
        // Styled letters ("𝗩𝗲𝗿𝗶𝗳𝘆 𝘆𝗼𝘂𝗿 𝗮𝗰𝗰𝗼𝘂𝗻𝘁", fullwidth) are read as the letters they show.
        StringBuilder styled = new StringBuilder();
        "Verify your account within 24 hours".codePoints().forEach(c -> styled.appendCodePoint(
            c >= 'A' && c <= 'Z' ? 0x1D5D4 + c - 'A' : c >= 'a' && c <= 'z' ? 0x1D5EE + c - 'a' : c));
        assertThat(Lures.find(styled.toString())).extracting(Lures.Hit::family)
            .contains(Lures.Family.CREDENTIALS, Lures.Family.URGENCY);
        assertThat(TextNormalizer.unstyled("\uff30\uff41\uff59\uff30\uff41\uff4c\u2122")).isEqualTo("PayPal\u2122");
        // The parcel scam's small fee, and its deadline, in the languages it is sent in.
        assertThat(Lures.find("Er zijn nog douanekosten van 1,99 openstaand. Betaal binnen 48 uur.")).extracting(Lures.Hit::family)
            .contains(Lures.Family.PAYMENT, Lures.Family.URGENCY);
        assertThat(List.of("A customs fee of $2.99 is due", "Es fallen Zollgebühren an", "Des frais de douane sont dus",
                "Pague la tasa: gastos de aduana", "Seu pedido tem taxa alfandegária", "Ci sono spese doganali"))
            .allSatisfy(text -> assertThat(Lures.find(text)).as(text).extracting(Lures.Hit::family).contains(Lures.Family.PAYMENT));
    }

    @Test
    void aQuotaLimitIsALureOnlyAsTheMailboxsOrReached() {
        assertThat(Lures.find("We set a quota limit of 2 GB per user on the build server.")).isEmpty();
        assertThat(Lures.find("Your mailbox quota limit has been reached.")).extracting(Lures.Hit::phrase)
            .containsExactly("mailbox quota limit");
        assertThat(Lures.find("Storage limit exceeded: free some space.")).extracting(Lures.Hit::phrase)
            .containsExactly("storage limit exceeded");
    }

    @Test
    void findsBulkAdvertisingLanguageButNotAnOrdinaryNewsletter() {
        assertThat(Lures.find("This message is sent in compliance with the new e-mail bill. Earn from home!"))
            .extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("BULK:this message is sent in compliance");
        assertThat(Lures.find("Lower your mortgage payments today")).extracting(Lures.Hit::phrase)
            .containsExactly("lower your mortgage");
        assertThat(Lures.find("本公司代开发票，欢迎来电。如有打扰，敬请原谅")).extracting(hit -> hit.family() + ":" + hit.phrase())
            .contains("BULK:如有打扰");
        assertThat(Lures.find("Earn $5,000 a month from home!")).extracting(Lures.Hit::phrase)
            .containsExactly("earn $5,000 a month from home");
        assertThat(Lures.find("I am working from home tomorrow; call me if the build breaks.")).isEmpty();
        assertThat(Lures.find("This is a one-time mailing. Click here to be removed. No obligation!"))
            .extracting(Lures.Hit::phrase).containsExactly("one-time mailing");
        assertThat(Lures.find("Join the best MLM program of 2002")).extracting(Lures.Hit::phrase).containsExactly("mlm");
        assertThat(Lures.find("The network was down for an hour; the marketing team lost the slides.")).isEmpty();
        assertThat(Lures.find("Would you be interested in acquiring the attendees list of AWS re:Invent 2026?"))
            .extracting(Lures.Hit::phrase).containsExactly("interested in acquiring the attendees");
        assertThat(Lures.find("If you do not wish to receive further emails, please reply with \"Leave Out\"."))
            .extracting(Lures.Hit::phrase).containsExactly("reply with \"leave out");
        assertThat(Lures.find("Dear Purchasing Manager, we are a professional manufacturer of LED panel lights."))
            .extracting(Lures.Hit::phrase).containsExactly("we are a professional manufacturer of");
        assertThat(Lures.find("您好，无抵押信用贷款，联系电话 13812345678（微信同号）")).extracting(Lures.Hit::phrase)
            .containsExactly("无抵押");
        assertThat(Lures.find("如果本邮件打扰了您，请您随手删除，在此向您说声对不起！")).extracting(Lures.Hit::phrase)
            .containsExactly("随手删除");
        assertThat(Lures.distinct("以上内容由某某免费软件发送。量多从优，欢迎办理！", Lures.Family.BULK)).isEqualTo(3);
        assertThat(Lures.find("不好意思打扰您一下，周五的评审会改到三楼会议室，请准时参加。")).isEmpty();
        assertThat(Lures.find("We are the supplier's main contact for the project; the visitors badge list is at the desk.")).isEmpty();
        assertThat(Lures.distinct("Factory price! We are a leading supplier of pumps. Factory price.", Lures.Family.BULK))
            .isEqualTo(2);
        assertThat(Lures.find("Slim Down - Guaranteed to lose 10-12 lbs in 30 days")).extracting(Lures.Hit::phrase)
            .containsExactly("lose 10-12 lbs");
        assertThat(Lures.find("She is losing an unheard of 22lbs in just 13 days")).extracting(Lures.Hit::phrase)
            .containsExactly("losing an unheard of 22lbs");
        assertThat(Lures.find("I lost 10 pounds over the holidays, and we lost 500 pounds on the old van.")).isEmpty();
        assertThat(Lures.find("I found yours Email ID in Directoric.")).extracting(Lures.Hit::phrase)
            .containsExactly("i found yours email id");
        assertThat(Lures.find("We received your email and your ID documents; we have received your order.")).isEmpty();
        assertThat(Lures.find("Your mailbox has reached 98% of its storage. New messages will be held until you free some space."))
            .extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("CREDENTIALS:mailbox has reached 98%", "SUSPENSION:new messages will be held");
        assertThat(Lures.find("The build server's disk is 80% used; new messages are queued in the mailing list archive.")).isEmpty();
        assertThat(Lures.find("Are you interested in making some extra money on the internet?")).extracting(Lures.Hit::phrase)
            .containsExactly("making some extra money");
        assertThat(Lures.distinct("捷克水晶现在５折出售！我们是生产厂家。欢迎访问本站，设为首页。", Lures.Family.BULK)).isEqualTo(4);
        assertThat(Lures.find("周末去商场，衣服都在打五折，我买了两件。")).isEmpty();
        assertThat(Lures.distinct("劳力士一比一复刻，高仿名表。新用户注册即送88元彩金，百家乐。不节食不运动，无效退款！", Lures.Family.BULK))
            .isEqualTo(7);
        assertThat(Lures.find("这块表是父亲留下的，去店里复刻了一把钥匙；下周去澳门看展，不赌钱。")).isEmpty();
        assertThat(Lures.find("环氧地坪涂料，价格合理。更多详细资料来电咨询备索。")).extracting(Lures.Hit::phrase)
            .containsExactly("来电咨询");
        assertThat(Lures.find("Cpanels - Shells - SSH/WHM - RDPs Smtps - Mailers - Leads")).extracting(Lures.Hit::phrase)
            .containsExactly("cpanels - shells - ssh");
        assertThat(Lures.find("Log in over ssh, open two shells and check the mailers queue.")).isEmpty();
        assertThat(Lures.find("I am new in your city. I have some private photos for you here.")).extracting(Lures.Hit::phrase)
            .containsExactly("private photos for you");
        assertThat(Lures.find("Naughty girls are waiting")).extracting(Lures.Hit::phrase).containsExactly("naughty girls");
        assertThat(Lures.distinct("Your website is not ranking on the first page of Google. Can I send you a free audit "
            + "report? I would love to contribute a high-quality guest post with one do-follow link.", Lures.Family.BULK))
            .isEqualTo(5);
        assertThat(Lures.find("Swiss replica watches, up to 90% off")).extracting(Lures.Hit::phrase)
            .containsExactly("swiss replica watches");
        assertThat(Lures.find("Our old site looks outdated on phones; the audit of the guest wifi is due, and the replica "
            + "set of the database is not ranking queries.")).isEmpty();
        assertThat(Lures.find("I moved the private photos of the trip to the NAS; the hot videos card is the GPU one."))
            .isEmpty();
        assertThat(Lures.distinct("This is NOT a scam and there is no upfront money. READ THIS E-MAIL TO THE END and don't "
            + "delete this!", Lures.Family.BULK)).isEqualTo(4);
        assertThat(Lures.find("Discount cigarettes by mail: half price tobacco, shipped from Spain.")).extracting(Lures.Hit::phrase)
            .containsExactly("discount cigarettes");
        assertThat(Lures.find("All our mailings comply with the proposed H.R. 3113 act.")).extracting(Lures.Hit::phrase)
            .containsExactly("h.r. 3113");
        assertThat(Lures.find("The upfront cost of the scanner is high; please read this message carefully before the "
            + "vote, and don't delete the thread. Is this a scam? Ask IT before you pay.")).isEmpty();
        assertThat(Lures.distinct("会计资格证书考前培训，保真保过！电话报名：010-6234xxxx，报名热线全天开通。", Lures.Family.BULK))
            .isEqualTo(3);
        assertThat(Lures.find("快递已经打包过来了，详情请登录OA查看；公司网址和开课时间见签名，逾期未报名视为放弃。"))
            .as("an office's own notice (逾期 is urgency, as it always was)").extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.URGENCY);
        assertThat(Lures.find("中关村写字楼出租，精装修，价格优惠，联系电话见附件。")).extracting(Lures.Hit::phrase)
            .containsExactly("写字楼出租");
        assertThat(Lures.find("下周一的培训改到三楼，开会时间不变；报名表请交给行政部，公司网站的通知已更新。")).isEmpty();
        assertThat(Lures.find("Lieber Kunde, sind Sie bereit, interessante Frauen in Ihrer Nähe zu treffen?"))
            .extracting(Lures.Hit::phrase).containsExactly("interessante frauen");
        assertThat(Lures.find("Claim $200 in free bitcoins every hour!")).extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("SCAM:free bitcoins");
        assertThat(Lures.find("#bob: Claim 500 BNB now, before the pool closes")).extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("SCAM:claim 500 bnb");
        assertThat(Lures.find("Claim your expenses by Friday; the 2 tokens for the parking machine are in the drawer.")).isEmpty();
        assertThat(Lures.find("Ledger was breached. Upgrade your Ledger before Friday or your assets are at risk."))
            .extracting(hit -> hit.family() + ":" + hit.phrase()).containsExactly("CREDENTIALS:upgrade your ledger");
        assertThat(Lures.distinct("Protect yourself with an extended auto warranty! Lowest rates available. Free life insurance "
            + "quotes too.", Lures.Family.BULK)).isEqualTo(3);
        assertThat(Lures.find("My car warranty was extended by the dealer; the insurance rates went up, as usual. Lowest "
            + "prices guaranteed at our shop; a free solar consultation; a government-funded program for schools.")).isEmpty();
        assertThat(Lures.find("2027年度薪酬调整方案已确定，请登录平台核对个人薪资信息，逾期未确认者将暂停发放本月工资。"))
            .extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("CREDENTIALS:核对个人薪资", "SUSPENSION:暂停发放", "PAYMENT:薪酬调整", "URGENCY:逾期");
        assertThat(Lures.find("您的校园贷账户尚未注销，请添加专员QQ办理。")).extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("SCAM:校园贷账户");
        assertThat(Lures.find("信用卡本期账单已出，逾期还款将影响您的征信记录。")).as("a bank's own reminder")
            .extracting(Lures.Hit::family).doesNotContain(Lures.Family.SCAM);
        assertThat(Lures.distinct("Melts stubborn belly fat! Keto gummies as seen on Shark Tank. 200 free spins. Bad credit OK. "
            + "Homeowners in your area get $0-down solar panels.", Lures.Family.BULK)).isEqualTo(9);
        assertThat(Lures.find("The spin class is free for members this week; our solar panels and the new casino night "
            + "raised money for the food bank.")).isEmpty();
        assertThat(Lures.find("This week in the project: release 2.1 is out, the mailing list moved, "
            + "and you can unsubscribe at any time from the link below.")).isEmpty();
    }

    @Test
    void findsTheStoriesFraudsTellButNotOrdinaryMailAboutMoney() {
        assertThat(scam("I am Barrister James Cole, personal attorney to the late client Mr. Peter, who died with his "
            + "family. I seek your consent to present you as the next of kin so that the funds can be released.")).isTrue();
        assertThat(scam("We wish to inform you that you have won the sum of $1,500,000 in our e-mail draw. "
            + "Contact the claims agent with your ticket number.")).isTrue();
        assertThat(scam("Your email address was selected in our online e-mail draw and has won the sum of GBP 850,000.")).isTrue();
        assertThat(scam("WINNING NOTIFICATION: keep this award confidential to avoid double claiming.")).isTrue();
        assertThat(scam("Our team has won the hackathon; the prize draw for the office party is on Friday.")).isFalse();
        assertThat(scam("Two floor tickets at face value. Payment by Zelle or Cash App only (friends and family).")).isTrue();
        assertThat(scam("Pay me back on Venmo whenever, no rush. Zelle works too.")).isFalse();
        assertThat(scam("Banks delay transfers, so we accept donations in cryptocurrency only.")).isTrue();
        assertThat(scam("Your equipment is bought with a check we send you; deposit it and send the balance to our vendor.")).isTrue();
        assertThat(scam("I will tell you more about my consignment box, which a diplomatic courier will deliver.")).isTrue();
        assertThat(scam("Deposit the check at any branch; the balance shows the next day.")).isFalse();
        assertThat(scam("To recover your lost funds, our recovery agent needs a refundable processing fee.")).isTrue();
        assertThat(scam("Disaster recovery service: we restore your lost files from backups.")).isFalse();
        assertThat(scam("I am working abroad, but the keys and documents are with Airbnb, who will ship you the keys once the"
            + " deposit is paid.")).as("the rental scam").isTrue();
        assertThat(scam("The keys are in the lockbox by the door; the code is in your booking confirmation.")).isFalse();
        assertThat(scam("资深投资顾问每日免费推荐牛股，免费进VIP交流群。")).as("the stock-tip group").isTrue();
        assertThat(scam("招聘网络兼职，宝妈学生上班族均可。")).as("the work-from-home job").isTrue();
        assertThat(scam("本周电子板块上涨2.1%，建议关注产业链龙头。")).as("a broker's research").isFalse();
        assertThat(scam("We received an application from Huaxin Ltd requesting \"acme\" as their internet keyword and China"
            + " (CN) domain names.")).as("the Asian domain-registration scam").isTrue();
        assertThat(scam("Our distributor in China registered acme.cn for us last year.")).isFalse();
        assertThat(scam("I have access to all your devices and I recorded a video of you. Pay 1200 USD in Bitcoin "
            + "within 48 hours or everybody in your contacts gets it.")).isTrue();
        assertThat(scam("Join our fund: guaranteed returns of 30% per month, double your money in ninety days.")).isTrue();
        assertThat(scam("恭喜您中奖！请先交手续费后领取奖金。")).isTrue();
        assertThat(scam("您的银行卡涉嫌洗钱，请将资金转入安全账户配合调查。")).isTrue();

        assertThat(scam("The funds transfer to the new supplier is scheduled for Friday; finance will confirm the "
            + "amount once the invoice is approved.")).isFalse();
        assertThat(scam("Please transfer the amount of 2,300 EUR to the supplier's account today.")).isFalse();
        assertThat(scam("Our bank will release the sum of US$4.5 million to you as soon as you reply.")).isTrue();
        assertThat(scam("We need your help to transfer the sum of Forty Nine Million dollars abroad.")).isTrue();
        assertThat(scam("Congratulations, you have been awarded the prize for best student paper at the workshop.")).isFalse();
        assertThat(scam("My late father's house is finally sold, so we can talk about the trip.")).isFalse();
        assertThat(scam("The lottery results were in the paper again; nobody at the office won.")).isFalse();
        assertThat(scam("本周五财务部统一办理报销，请把发票交给小王。")).isFalse();
        assertThat(scam("关于发放2026年度个人劳动补贴的通知：请于今日内扫描下方二维码进行申领。")).isTrue();
        assertThat(scam("您有一笔个人所得税退税款未领取，请扫码领取。")).isTrue();
        assertThat(scam("本月交通补贴随工资一起发放，无需另行办理。")).isFalse();
        assertThat(scam("缴费方式：添加财务老师微信，备注学生姓名后转账。")).isTrue();
        assertThat(scam("学校不会要求家长向个人账户转账，收费以学校官方通知为准。")).isFalse();
        assertThat(scam("2026年度个人所得税退税申领工作已开始，请登录网址办理。")).isTrue();
        assertThat(Lures.find("办理时需填写银行卡号及手机验证码。")).extracting(hit -> hit.family() + ":" + hit.phrase())
            .containsExactly("CREDENTIALS:填写银行卡", "PAYMENT:银行卡号");
        assertThat(Lures.find("您的验证码是 382910，五分钟内有效，请勿泄露。报销款已打入您的工资银行卡。")).isEmpty();
    }

    @Test
    void whatANoticeSaysItWillNeverAskForIsNoLure() {
        assertThat(Lures.find("PayPal will never ask you to confirm your password by e-mail.")).isEmpty();
        assertThat(Lures.find("We never ask for your seed phrase.")).isEmpty();
        assertThat(Lures.find("工商银行不会通过邮件或短信发送链接要求您输入密码。")).isEmpty();
        assertThat(Lures.find("We will never ask for it. To keep your wallet, enter your seed phrase below."))
            .as("the request in the next sentence").extracting(Lures.Hit::family).containsExactly(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("If you do not confirm your password today, your mailbox will be closed."))
            .as("a plain 'not' is the lure's own").extracting(Lures.Hit::family).contains(Lures.Family.CREDENTIALS);
        assertThat(Lures.find("为保障安全，请在24小时内输入密码完成验证。")).extracting(Lures.Hit::family)
            .contains(Lures.Family.CREDENTIALS);
    }

    @Test
    void aScamDescribedByAnAwarenessNoticeIsNoLureButALureBlamingImpostorsIs() {
        assertThat(Lures.find("近期不法分子冒充银行客服，以“账户异常需验证”为由，诱导客户点击链接并输入银行卡号、密码和验证码。")).isEmpty();
        assertThat(Lures.find("Criminals pretend to be your bank and ask you to verify your account by e-mail.")).isEmpty();
        assertThat(Lures.find("Due to fraud by criminals impersonating our bank, we are upgrading security. You must verify"
            + " your account within 24 hours.")).extracting(Lures.Hit::family)
            .contains(Lures.Family.CREDENTIALS, Lures.Family.URGENCY);
        assertThat(Lures.find("近期不法分子冒充我行实施诈骗。请于24小时内验证您的账户。")).extracting(Lures.Hit::family)
            .contains(Lures.Family.CREDENTIALS);
    }

    @Test
    void coldPitchesOfOutsourcingShopsAndReviewSellersAreBulk() {
        assertThat(Lures.find("Hire dedicated developers starting at $15/hour.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("We help businesses like yours get more 5-star Google reviews.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("Thanks for the five-star review on Google, it made our day!")).isEmpty();
        assertThat(Lures.find("Compounded semaglutide delivered in 2 days, no doctor visit.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("Our document preparation fee is $499.")).extracting(Lures.Hit::family)
            .containsExactly(Lures.Family.BULK);
        assertThat(Lures.find("Your doctor may prescribe semaglutide if your BMI is over 30.")).isEmpty();
    }

    private static boolean scam(String text) {
        return Lures.find(text).stream().anyMatch(hit -> hit.family() == Lures.Family.SCAM);
    }

    @Test
    void whitespaceHelpersDoWhatTheRegularExpressionsDid() {
        Random random = new Random(3);
        String alphabet = "ab \t\n\r\f\u000b\u3000\u00a0\u2028x\u4e2d";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertThat(Lures.collapseWhitespace(s)).isEqualTo(s.replaceAll("\\s+", " "));
            assertThat(Lures.withoutWhitespace(s)).isEqualTo(s.replaceAll("[\\s\\u3000]+", ""));
        }
    }

    @Test
    void patternsOnlyMatchOnWordStarts() {
        assertThat(Lures.find("we reverify your account and unverify your login")).isEmpty();
        assertThat(Lures.find("x_verify your account")).isEmpty();
        assertThat(Lures.find("(verify your account)")).extracting(Lures.Hit::phrase).containsExactly("verify your account");
    }

    /** The word-start shortcut gives exactly what running every pattern over the whole text gives. */
    @Test
    void sameFirstMatchesAsScanningEveryPosition() throws Exception {
        String[] pieces = {"verify", "your", "account", "the", "password", "will", "expire", "expires", "mailbox", "is",
            "full", "click", "here", "to", "confirm", "wire", "transfer", "gift", "card", "cards", "immediately",
            "urgent", "within", "24", "hours", "failure", "comply", "re-activate", "unusual", "sign-in", "log", "in",
            "at", "portal", "suspended", "has", "been", "locked", "bitcoin", "wallet", "claim", "prize", "refund", "of",
            "_x", "a.", "!", "\n", "  ", "pending", "messages", "overdue", "invoice", "you", "won", "have", "selected",
            "work", "from", "home", "at", "jobs", "earn", "money", "otcbb", "mortgage", "rates", "debt", "consolidation", "pre-approved", "hgh",
            "next", "kin", "deceased", "client", "unclaimed", "funds", "lottery", "winner", "hacked", "device", "double",
            "sum", "access", "devices", "i", "recorded", "video", "guaranteed", "returns", "one-time", "mailing", "no",
            "obligation", "mlm", "removed", "be", "cheap", "viagra"};
        Random random = new Random(7);
        List<Pattern[]> families = new ArrayList<>();
        for (String name : new String[] {"ENGLISH", "ENGLISH_SUSPENSION", "ENGLISH_PAYMENT", "ENGLISH_URGENCY",
            "ENGLISH_BULK", "ENGLISH_SCAM"}) {
            Field field = Lures.class.getDeclaredField(name);
            field.setAccessible(true);
            families.add((Pattern[]) field.get(null));
        }
        int compared = 0;
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            int words = 3 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String english = text.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            List<String> expected = new ArrayList<>();
            for (Pattern[] family : families) {
                for (Pattern pattern : family) {
                    Matcher matcher = pattern.matcher(english);
                    if (matcher.find()) {
                        expected.add(matcher.group());
                        break;
                    }
                }
            }
            List<String> actual = new ArrayList<>();
            for (Lures.Hit hit : Lures.find(text.toString())) {
                actual.add(hit.phrase());
            }
            assertThat(actual).as(english).containsExactlyElementsOf(expected);
            compared += expected.size();
        }
        assertThat(compared).as("the random texts must contain lures to compare").isGreaterThan(1_000);
    }
}
