package app.integrations;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Decides where webhooks may point: {@code https} URLs whose host resolves to public addresses only, so a webhook
 * cannot make the platform call into its own network (SSRF). The check runs when the URL is set and again for every
 * delivery, on the addresses the delivery then connects to, so a host that later resolves elsewhere (DNS rebinding)
 * is refused too. Hosts in {@code app.integrations.webhook.allowed-hosts} are exempt.
 */
@Component
class WebhookAddresses {

    static final int MAX_URL_LENGTH = 2048;
    /** IPv4 ranges that are not the public internet: {first octets..., prefix length}. */
    private static final List<int[]> NON_PUBLIC_V4 = List.of(
            new int[] { 0, 0, 0, 0, 8 }, // "this" network
            new int[] { 10, 0, 0, 0, 8 },
            new int[] { 100, 64, 0, 0, 10 }, // carrier-grade NAT
            new int[] { 127, 0, 0, 0, 8 },
            new int[] { 169, 254, 0, 0, 16 }, // link-local, cloud metadata
            new int[] { 172, 16, 0, 0, 12 },
            new int[] { 192, 0, 0, 0, 24 },
            new int[] { 192, 0, 2, 0, 24 },
            new int[] { 192, 88, 99, 0, 24 },
            new int[] { 192, 168, 0, 0, 16 },
            new int[] { 198, 18, 0, 0, 15 },
            new int[] { 198, 51, 100, 0, 24 },
            new int[] { 203, 0, 113, 0, 24 },
            new int[] { 224, 0, 0, 0, 4 },
            new int[] { 240, 0, 0, 0, 4 }); // reserved and broadcast

    private final PublishingSettings.Webhook settings;

    WebhookAddresses(PublishingSettings settings) {
        this.settings = settings.webhook();
    }

    /** The URL, checked; {@link WebhookRefused} with the reason otherwise. */
    URI checked(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookRefused("A webhook needs a url.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new WebhookRefused("The url is longer than " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException e) {
            throw new WebhookRefused("The url is not a valid URL.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new WebhookRefused("The url must use https.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookRefused("The url must not carry credentials.");
        }
        if (uri.getFragment() != null) {
            throw new WebhookRefused("The url must not have a fragment.");
        }
        String host = hostOf(uri);
        if (host == null || host.isEmpty()) {
            throw new WebhookRefused("The url has no valid host.");
        }
        resolvePublic(host);
        return uri;
    }

    /**
     * The addresses of the host, if it may be called: all of them public, or the host allow-listed.
     *
     * @throws WebhookRefused when the host does not resolve or reaches a non-public address
     */
    InetAddress[] resolvePublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        }
        catch (UnknownHostException | SecurityException | IllegalArgumentException e) {
            throw new WebhookRefused("The host " + host + " does not resolve.");
        }
        if (settings.allows(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new WebhookRefused("The host " + host + " reaches a non-public address ("
                        + address.getHostAddress() + ").");
            }
        }
        return addresses;
    }

    static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Whether the address is on the public internet (not private, loopback, link-local, reserved or multicast). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(bytes);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] bytes) {
        int value = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                | (bytes[3] & 0xff);
        for (int[] range : NON_PUBLIC_V4) {
            int network = (range[0] << 24) | (range[1] << 16) | (range[2] << 8) | range[3];
            int mask = range[4] == 0 ? 0 : -1 << (32 - range[4]);
            if ((value & mask) == (network & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicV6(byte[] bytes) {
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        if (first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        if (first == 0x20 && (bytes[1] & 0xff) == 0x02) {
            return isPublicV4(new byte[] { bytes[2], bytes[3], bytes[4], bytes[5] }); // 6to4 2002::/16
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        if (zeroPrefix) {
            return false; // IPv4-compatible ::/96 (and :: and ::1)
        }
        boolean nat64 = first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (nat64) {
            return isPublicV4(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }); // 64:ff9b::/96
        }
        return true;
    }
}
