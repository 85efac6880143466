package io.rampart.core.config;

import java.net.InetAddress;
import java.util.List;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;

/**
 * {@code network.trustedNetworks}: clients (relays, internal submission hosts) whose unauthenticated
 * mail counts as sent by a local user, as James's {@code authorizedAddresses} does.
 */
public final class NetworkSettings {
    public static NetworkSettings from(ConfigReader reader) {
        ImmutableList.Builder<Cidr> networks = ImmutableList.builder();
        for (String value : reader.list("network.trustedNetworks", ImmutableList.of())) {
            try {
                networks.add(Cidr.parse(value));
            } catch (IllegalArgumentException e) {
                throw reader.error("network.trustedNetworks", value, "IP addresses or CIDR blocks such as 10.0.0.0/8");
            }
        }
        return new NetworkSettings(networks.build());
    }

    public static NetworkSettings none() {
        return new NetworkSettings(ImmutableList.of());
    }

    private final ImmutableList<Cidr> trustedNetworks;

    public NetworkSettings(List<Cidr> trustedNetworks) {
        this.trustedNetworks = ImmutableList.copyOf(trustedNetworks);
    }

    public ImmutableList<Cidr> trustedNetworks() {
        return trustedNetworks;
    }

    public boolean isTrusted(String address) {
        if (address == null || !InetAddresses.isInetAddress(address)) {
            return false;
        }
        InetAddress inet = InetAddresses.forString(address);
        return trustedNetworks.stream().anyMatch(cidr -> cidr.contains(inet));
    }

    /** An IPv4 or IPv6 block. */
    public static final class Cidr {
        public static Cidr parse(String value) {
            String[] pieces = value.trim().split("/", 2);
            if (!InetAddresses.isInetAddress(pieces[0])) {
                throw new IllegalArgumentException("not an IP address: " + pieces[0]);
            }
            byte[] network = InetAddresses.forString(pieces[0]).getAddress();
            int prefix = pieces.length == 2 ? Integer.parseInt(pieces[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length " + prefix);
            }
            return new Cidr(value.trim(), network, prefix);
        }

        private final String text;
        private final byte[] network;
        private final int prefix;

        private Cidr(String text, byte[] network, int prefix) {
            this.text = text;
            this.network = network;
            this.prefix = prefix;
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remaining = prefix % 8;
            if (remaining == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remaining) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
