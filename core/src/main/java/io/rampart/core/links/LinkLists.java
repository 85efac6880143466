package io.rampart.core.links;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/** Built-in reference lists: protected brands, URL shorteners, free hosting, throwaway TLDs. */
public final class LinkLists {
    private LinkLists() {
    }

    /** Brand name (a domain label) to the registrable domains that legitimately carry it. */
    public static final ImmutableMap<String, ImmutableSet<String>> BRANDS = ImmutableMap.<String, ImmutableSet<String>>builder()
        .put("paypal", ImmutableSet.of("paypal.com", "paypal.me", "paypalobjects.com"))
        .put("apple", ImmutableSet.of("apple.com", "icloud.com", "apple.news"))
        .put("icloud", ImmutableSet.of("icloud.com", "apple.com"))
        .put("microsoft", ImmutableSet.of("microsoft.com", "live.com", "office.com", "microsoftonline.com",
            "outlook.com", "sharepoint.com", "office365.com", "msn.com", "azure.com", "windows.net",
            // where Microsoft 365 sends its own notifications from (sharing, Teams, account security)
            "sharepointonline.com", "microsoft365.com", "mail.microsoft", "microsoftemail.com"))
        .put("office365", ImmutableSet.of("office365.com", "office.com", "microsoft.com", "microsoft365.com"))
        .put("outlook", ImmutableSet.of("outlook.com", "live.com", "office.com", "microsoft.com"))
        .put("onedrive", ImmutableSet.of("live.com", "microsoft.com", "onedrive.com", "sharepointonline.com"))
        .put("sharepoint", ImmutableSet.of("sharepoint.com", "microsoft.com", "sharepointonline.com"))
        .put("amazon", ImmutableSet.of("amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.co.jp",
            "amazon.com.br", "amazon.cn", "amazonaws.com", "amazon.in", "amazon.ca", "amazon.es", "amazon.it"))
        .put("netflix", ImmutableSet.of("netflix.com", "nflxext.com"))
        .put("google", ImmutableSet.of("google.com", "gmail.com", "googleapis.com", "gstatic.com", "youtube.com",
            "googleusercontent.com", "google.com.hk", "google.cn", "forms.gle"))
        .put("facebook", ImmutableSet.of("facebook.com", "fb.com", "facebookmail.com", "meta.com"))
        .put("instagram", ImmutableSet.of("instagram.com"))
        .put("whatsapp", ImmutableSet.of("whatsapp.com", "whatsapp.net"))
        .put("linkedin", ImmutableSet.of("linkedin.com", "licdn.com"))
        .put("docusign", ImmutableSet.of("docusign.com", "docusign.net"))
        .put("zoom", ImmutableSet.of("zoom.us", "zoom.com", "zoomgov.com"))
        .put("webex", ImmutableSet.of("webex.com", "cisco.com"))
        .put("dropbox", ImmutableSet.of("dropbox.com", "dropboxusercontent.com"))
        .put("adobe", ImmutableSet.of("adobe.com", "adobesign.com", "adobelogin.com"))
        .put("ebay", ImmutableSet.of("ebay.com", "ebay.co.uk", "ebay.de", "ebayimg.com"))
        .put("fedex", ImmutableSet.of("fedex.com"))
        .put("wellsfargo", ImmutableSet.of("wellsfargo.com", "wf.com"))
        .put("bankofamerica", ImmutableSet.of("bankofamerica.com", "bofa.com"))
        .put("chase", ImmutableSet.of("chase.com", "jpmorgan.com", "jpmorganchase.com"))
        .put("citibank", ImmutableSet.of("citibank.com", "citi.com"))
        .put("hsbc", ImmutableSet.of("hsbc.com", "hsbc.co.uk", "hsbc.com.hk", "hsbc.com.cn"))
        .put("americanexpress", ImmutableSet.of("americanexpress.com", "aexp.com"))
        .put("coinbase", ImmutableSet.of("coinbase.com"))
        .put("binance", ImmutableSet.of("binance.com"))
        .put("metamask", ImmutableSet.of("metamask.io"))
        .put("alibaba", ImmutableSet.of("alibaba.com", "alibaba-inc.com", "aliyun.com"))
        .put("alipay", ImmutableSet.of("alipay.com"))
        .put("taobao", ImmutableSet.of("taobao.com"))
        .put("wechat", ImmutableSet.of("wechat.com", "qq.com"))
        .put("tencent", ImmutableSet.of("tencent.com", "qq.com"))
        .put("icbc", ImmutableSet.of("icbc.com.cn", "icbc.com"))
        .put("bankcomm", ImmutableSet.of("bankcomm.com"))
        .put("cmbchina", ImmutableSet.of("cmbchina.com"))
        .put("santander", ImmutableSet.of("santander.com", "santander.com.br", "santander.co.uk"))
        .put("bradesco", ImmutableSet.of("bradesco.com.br"))
        .put("itau", ImmutableSet.of("itau.com.br"))
        .put("nubank", ImmutableSet.of("nubank.com.br"))
        .put("mercadolivre", ImmutableSet.of("mercadolivre.com.br", "mercadolibre.com"))
        .put("steam", ImmutableSet.of("steampowered.com", "steamcommunity.com"))
        .put("steampowered", ImmutableSet.of("steampowered.com"))
        .put("steamcommunity", ImmutableSet.of("steamcommunity.com"))
        .put("dhl", ImmutableSet.of("dhl.com", "dhl.de", "dhl.co.uk", "dpdhl.com"))
        .put("usps", ImmutableSet.of("usps.com"))
        // Brands phishing reports of 2023-2025 rank among the most impersonated. Names that are common words or
        // one letter from one (ledger, norton/morton, twitter/twister, discord/discard, kraken) are left out:
        // they would make lookalikes of ordinary sites.
        .put("yahoo", ImmutableSet.of("yahoo.com", "yahoo.co.jp", "yahoo.co.uk", "ymail.com", "yahoo.net", "yahoodns.net"))
        .put("spotify", ImmutableSet.of("spotify.com", "scdn.co", "spotifycdn.com"))
        .put("walmart", ImmutableSet.of("walmart.com", "walmart.ca", "walmartimages.com"))
        .put("roblox", ImmutableSet.of("roblox.com", "rbxcdn.com"))
        .put("mcafee", ImmutableSet.of("mcafee.com"))
        .put("geeksquad", ImmutableSet.of("geeksquad.com", "bestbuy.com"))
        .put("intuit", ImmutableSet.of("intuit.com", "quickbooks.com", "turbotax.com", "creditkarma.com"))
        .put("quickbooks", ImmutableSet.of("quickbooks.com", "intuit.com"))
        .put("venmo", ImmutableSet.of("venmo.com", "paypal.com"))
        .put("zelle", ImmutableSet.of("zellepay.com", "zelle.com"))
        .put("airbnb", ImmutableSet.of("airbnb.com", "airbnb.co.uk", "airbnb.de", "airbnb.fr", "muscache.com"))
        .put("telegram", ImmutableSet.of("telegram.org", "t.me", "telegram.me"))
        .put("trezor", ImmutableSet.of("trezor.io"))
        .put("opensea", ImmutableSet.of("opensea.io"))
        .put("trustwallet", ImmutableSet.of("trustwallet.com"))
        .put("wetransfer", ImmutableSet.of("wetransfer.com", "we.tl"))
        .put("xfinity", ImmutableSet.of("xfinity.com", "comcast.net", "comcast.com"))
        .put("comcast", ImmutableSet.of("comcast.com", "comcast.net", "xfinity.com"))
        .put("verizon", ImmutableSet.of("verizon.com", "verizon.net", "verizonwireless.com", "vzw.com"))
        .put("royalmail", ImmutableSet.of("royalmail.com", "royalmail.co.uk"))
        .put("hmrc", ImmutableSet.of("hmrc.gov.uk", "notifications.service.gov.uk"))
        // ChatGPT subscriptions: "your payment was declined, update your billing" since 2023
        .put("chatgpt", ImmutableSet.of("chatgpt.com", "openai.com", "oaiusercontent.com"))
        .build();

    public static final ImmutableSet<String> SHORTENERS = ImmutableSet.of(
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
        "cutt.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "bl.ink", "short.io", "s.id", "v.gd", "qrco.de",
        "lnkd.in", "tr.im", "x.co", "urlz.fr", "t.cn", "dwz.cn", "url.cn", "suo.im", "mylinx.us", "linktr.ee",
        "shorturl.gg", "2u.pw", "u.to", "clck.ru", "me2.do", "bit.do", "1url.com", "surl.li", "snip.ly");

    /** Free hosting, cloud storage buckets, form builders and dynamic DNS often used for phishing pages. */
    public static final ImmutableSet<String> FREE_HOSTING = ImmutableSet.of(
        "000webhostapp.com", "weebly.com", "wixsite.com", "firebaseapp.com", "web.app", "appspot.com",
        "storage.googleapis.com", "blob.core.windows.net", "s3.amazonaws.com", "digitaloceanspaces.com", "oraclecloud.com", "cloudflare-ipfs.com", "r2.dev", "pages.dev",
        "workers.dev", "netlify.app", "vercel.app", "glitch.me", "herokuapp.com", "repl.co", "github.io",
        "gitbook.io", "webflow.io", "ipfs.io", "dweb.link", "ngrok.io", "ngrok-free.app", "duckdns.org",
        "no-ip.org", "ddns.net", "hopto.org", "zapto.org", "sytes.net", "serveo.net", "trycloudflare.com",
        "forms.gle", "docs.google.com", "sites.google.com", "forms.office.com", "typeform.com", "jotform.com",
        "formstack.com", "wufoo.com", "surveymonkey.com", "sharepoint.com", "1drv.ms", "onedrive.live.com",
        "dropboxusercontent.com", "blogspot.com", "wordpress.com", "yolasite.com", "square.site", "godaddysites.com",
        "mybluehost.me", "azurewebsites.net", "cloudfront.net", "backblazeb2.com", "myshopify.com",
        "translate.goog", "webcindario.com", "ukit.me", "tilda.ws", "carrd.co", "framer.website", "codesandbox.io",
        // site builders, app hosts, tunnels and IPFS pinning gateways phishing kits moved to in 2024-2025 (not
        // githubusercontent.com: every GitHub notification shows its avatars from there)
        "notion.site", "canva.site", "onrender.com", "replit.app", "replit.dev", "fly.dev", "surge.sh",
        "mystrikingly.com", "jimdosite.com", "framer.app", "wixstudio.io", "site123.me", "weblium.site", "softr.app",
        "bubbleapps.io", "glideapp.io", "webwave.me", "gitlab.io", "telegra.ph", "loca.lt", "ngrok.app", "w3s.link",
        "nftstorage.link", "4everland.link", "fleek.co");

    /**
     * Services that give each customer organisation a host named after it (acme.atlassian.net,
     * acme.sharepoint.com and its OneDrive acme-my.sharepoint.com, acme.zendesk.com): there the
     * organisation's or a brand's exact name is that organisation's own workspace, not a disguise.
     */
    public static final ImmutableSet<String> TENANT_SAAS = ImmutableSet.of(
        "atlassian.net", "jira.com", "sharepoint.com", "slack.com", "zendesk.com", "salesforce.com", "force.com",
        "service-now.com", "servicenowservices.com", "okta.com", "okta-emea.com", "oktapreview.com", "myworkday.com",
        "workday.com", "zoom.us", "webex.com", "box.com", "freshdesk.com", "freshservice.com", "bamboohr.com",
        "greenhouse.io", "monday.com", "smartsheet.com", "awsapps.com", "onelogin.com", "auth0.com", "b2clogin.com",
        "onmicrosoft.com", "myshopify.com", "github.io", "gitlab.io", "kintone.com", "cybozu.com", "feishu.cn",
        "larksuite.com", "zohodesk.com", "harvestapp.com", "teamwork.com", "wrike.com", "egnyte.com", "sapsf.com");

    /**
     * The click-tracking hosts of bulk-mail services (registrable domains): a newsletter sent through one has every link
     * rewritten to go through it, while its text still shows the sender's own site.
     */
    public static final ImmutableSet<String> ESP_CLICK_TRACKERS = ImmutableSet.of(
        "sendgrid.net", "list-manage.com", "mailchi.mp", "mcsv.net", "mandrillapp.com", "sparkpostmail.com",
        "exacttarget.com", "rs6.net", "hubspotlinks.com", "klclick.com", "klclick1.com", "klclick2.com", "klclick3.com",
        "mlsend.com", "sendibt2.com", "sendibt3.com", "createsend.com", "cmail19.com", "cmail20.com", "awstrack.me",
        "pstmrk.it", "aweber.com", "acemlna.com", "acemlnb.com", "acemlnc.com", "acemlnd.com", "convertkit-mail.com",
        "convertkit-mail2.com", "mjt.lu", "pardot.com", "beehiiv.com", "dripemail2.com");

    /** TLDs whose registrations are dominated by throwaway abuse (Spamhaus / Interisle rankings). */
    public static final ImmutableSet<String> RISKY_TLDS = ImmutableSet.of(
        "xyz", "top", "click", "zip", "mov", "country", "gq", "tk", "ml", "cf", "ga", "work", "loan", "rest", "icu",
        "buzz", "cyou", "sbs", "monster", "lol", "quest", "bond", "cfd", "shop", "online", "site", "live", "fit",
        "support", "link", "su", "ru.com", "digital", "beauty", "hair", "makeup", "autos", "boats", "mom", "win",
        "bid", "stream", "racing", "download", "review", "accountant", "date", "faith", "party", "science", "trade",
        "webcam", "men", "kim", "pw", "cn.com", "us.com", "ir");

    public static final ImmutableSet<String> REDIRECT_PARAMETERS = ImmutableSet.of(
        "url", "u", "redirect", "redirect_uri", "redirect_url", "redir", "next", "goto", "target", "dest",
        "destination", "continue", "return", "returnurl", "link", "out", "to", "r", "q");
}
