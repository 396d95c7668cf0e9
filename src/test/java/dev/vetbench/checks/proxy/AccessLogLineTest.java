package dev.vetbench.checks.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {

    @Test
    void nginxLineBehindTheFlawedReleaseShowsTheBalancer() throws Exception {
        AccessLogLine line = AccessLogLine.of("172.17.0.1 - - [03/Dec/2026:19:40:01 +0000] \"GET "
            + "/vetbench-proxy-ab12-443-v1-tcp4 HTTP/1.1\" 200 12 \"-\" \"vetbench\" peer=172.17.0.1");

        assertThat(line.shownAddressText()).isEqualTo("172.17.0.1");
        assertThat(line.records(InetAddress.getByName("192.0.2.7"))).isFalse();
    }

    @Test
    void nginxLineWithRealIpShowsTheHeaderAddressFirst() throws Exception {
        AccessLogLine line = AccessLogLine.of("2001:db8:5c1e::9 - - [03/Dec/2026:19:40:01 +0000] \"GET /x HTTP/1.1\""
            + " 200 12 \"-\" \"vetbench\" peer=172.17.0.1");

        assertThat(line.shownAddressText()).isEqualTo("2001:db8:5c1e::9");
        assertThat(line.records(InetAddress.getByName("2001:db8:5c1e:0:0:0:0:9"))).isTrue();
        assertThat(line.addresses()).hasSize(2);
    }

    @Test
    void timestampsAndVersionsAreNotAddresses() {
        AccessLogLine line = AccessLogLine.of("- - [03/Dec/2026:19:40:01 +0000] \"GET /a:b HTTP/1.1\" 1.2.3 "
            + "12:30:45");

        assertThat(line.addresses()).isEmpty();
        assertThat(line.shownAddressText()).isEqualTo("no address");
    }

    @Test
    void addressAtTheEndOfAnotherFormatStillCounts() throws Exception {
        AccessLogLine line = AccessLogLine.of("time=2026-12-03T19:40:01Z path=/x status=200 client=198.51.100.4");

        assertThat(line.records(InetAddress.getByName("198.51.100.4"))).isTrue();
    }

    @Test
    void ipv6IsWrittenTheWayRfc5952Says() throws Exception {
        assertThat(AddressText.format(InetAddress.getByName("2001:0db8:0000:0000:0001:0000:0000:0001")))
            .isEqualTo("2001:db8::1:0:0:1");
        assertThat(AddressText.format(InetAddress.getByName("2001:db8:0:1:1:1:1:1")))
            .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(AddressText.format(InetAddress.getByName("2001:db8:1:0:0:0:0:0"))).isEqualTo("2001:db8:1::");
    }

    @Test
    void addressInsideTheRequestPathDoesNotCount() throws Exception {
        String path = "/vetbench/192.0.2.7";
        AccessLogLine line = AccessLogLine.of("172.17.0.1 - - [03/Dec/2026:19:40:01 +0000] \"GET " + path
            + " HTTP/1.1\" 200 12", path);

        assertThat(line.records(InetAddress.getByName("192.0.2.7"))).isFalse();
        assertThat(line.line()).contains(path);
    }
}
