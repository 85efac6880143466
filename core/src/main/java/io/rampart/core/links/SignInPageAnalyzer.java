package io.rampart.core.links;

import java.util.Optional;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.text.Lures;

/**
 * {@code link.sign-in-app-host}: the text asks the reader to sign in or give credentials ({@code text.lure-credentials},
 * "you will need to sign in with your Microsoft account to open the file") and a link goes to a host where anyone
 * publishes a web application of their own, unreviewed (Cloudflare Workers and Pages, Firebase, Netlify, Vercel,
 * Render, Replit, tunnels, storage buckets, IPFS gateways, dynamic DNS): the sign-in page there is whoever sent the
 * link's, not the one of the service it names. A colleague's stolen account sends such "files" to the people it writes
 * to every day. Document and form services (Google Docs and Forms, Microsoft Forms, SharePoint, OneDrive) are not
 * among these hosts: their sign-in is the provider's own, and shares from them say "sign in to view" for real.
 */
public final class SignInPageAnalyzer implements Analyzer {
    public static final String RULE = "link.sign-in-app-host";
    public static final double SCORE = 2.0;
    private static final ImmutableSet<String> CREDENTIAL_LURES = ImmutableSet.of("text.lure-credentials");
    /** Hosts of code anyone deploys, a subset of {@link LinkLists#FREE_HOSTING}. */
    static final ImmutableSet<String> APP_HOSTS = ImmutableSet.of(
        "workers.dev", "pages.dev", "r2.dev", "trycloudflare.com", "firebaseapp.com", "web.app", "appspot.com",
        "storage.googleapis.com", "blob.core.windows.net", "azurewebsites.net", "digitaloceanspaces.com",
        "backblazeb2.com", "netlify.app", "vercel.app", "glitch.me", "herokuapp.com", "onrender.com", "repl.co",
        "replit.app", "replit.dev", "fly.dev", "surge.sh", "codesandbox.io", "000webhostapp.com", "ngrok.io",
        "ngrok-free.app", "ngrok.app", "loca.lt", "serveo.net", "ipfs.io", "dweb.link", "cloudflare-ipfs.com", "w3s.link",
        "nftstorage.link", "4everland.link", "fleek.co", "duckdns.org", "no-ip.org", "ddns.net", "hopto.org", "zapto.org",
        "sytes.net");

    @Override
    public String name() {
        return "sign-in-page";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        Optional<Finding> lure = report.first(CREDENTIAL_LURES);
        if (lure.isEmpty()) {
            return;
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isPresent() && !url.get().host().isEmpty() && LinkAnalysis.onList(APP_HOSTS, url.get().host())) {
                report.add(RULE, SCORE, Category.PHISH, "the text " + Lures.describe(lure.get().rule())
                    + " and links to " + url.get().host() + ", where anyone publishes a page of their own: the sign-in"
                    + " is the sender's");
                return;
            }
        }
    }
}
