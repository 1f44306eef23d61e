package org.selfkms.wildfly.tls;

import org.wildfly.security.x500.GeneralName;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a generated certificate is valid for: those of {@code KMS_TLS_HOSTNAME} (comma-separated DNS names
 * or IP addresses; the first one is also the certificate's CN), then {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1} so that clients on the server's own machine can connect by any loopback name.
 */
record SubjectNames(List<String> dnsNames, List<InetAddress> ipAddresses, String commonName) {

    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    static SubjectNames parse(String hostnames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : hostnames.split("[,\\s]+")) {
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("KMS_TLS_HOSTNAME names no host");
        }
        String commonName = names.iterator().next();
        names.addAll(LOOPBACK);
        List<String> dns = new ArrayList<>();
        Set<InetAddress> ips = new LinkedHashSet<>();
        for (String name : names) {
            if (IPV4.matcher(name).matches() || name.contains(":")) {
                ips.add(ipLiteral(name));
            } else if (DNS_NAME.matcher(name).matches() && name.length() <= 253) {
                dns.add(name);
            } else {
                throw new IllegalArgumentException("KMS_TLS_HOSTNAME: '" + name + "' is neither a DNS name nor an IP address");
            }
        }
        return new SubjectNames(List.copyOf(dns), List.copyOf(ips), commonName);
    }

    /** Parses an IP literal; never a DNS lookup (which InetAddress.getByName does for an invalid dotted quad). */
    private static InetAddress ipLiteral(String name) {
        try {
            if (name.contains(":")) {
                return InetAddress.getByName(name); // an IPv6 literal is parsed or rejected, not looked up
            }
            String[] parts = name.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    throw new UnknownHostException(name);
                }
                address[i] = (byte) octet;
            }
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("KMS_TLS_HOSTNAME: '" + name + "' is not a valid IP address", e);
        }
    }

    List<GeneralName> asGeneralNames() {
        List<GeneralName> all = new ArrayList<>();
        dnsNames.forEach(name -> all.add(new GeneralName.DNSName(name)));
        ipAddresses.forEach(address -> all.add(new GeneralName.IPAddress(address.getAddress())));
        return all;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(dnsNames);
        ipAddresses.forEach(address -> all.add(address.getHostAddress()));
        return String.join(", ", all);
    }
}
