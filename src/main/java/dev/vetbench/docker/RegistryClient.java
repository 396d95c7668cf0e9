package dev.vetbench.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads repositories, tags and digests from an image registry over the registry HTTP API v2, anonymously, with
 * basic authentication, or with a bearer token fetched as the registry's {@code WWW-Authenticate} challenge says.
 *
 * <p>Credentials travel only in {@code Authorization} headers; they are never logged or put in a message.
 */
public final class RegistryClient {

    /** Media types a registry may answer a manifest request with; the digest depends on which one it picks. */
    static final String MANIFEST_TYPES = String.join(", ",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json");

    private static final Logger LOG = LoggerFactory.getLogger(RegistryClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final RegistryCredentials credentials;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile URI base;
    // Plain HTTP was only guessed (a bare loopback address), so a TLS-only registry may still be behind it.
    private volatile boolean plainGuessed;
    private volatile boolean basicChallenged;

    private RegistryClient(URI base, boolean plainGuessed, RegistryCredentials credentials, HttpClient http) {
        this.base = base;
        this.plainGuessed = plainGuessed;
        this.name = base.getAuthority();
        this.credentials = credentials;
        this.http = http;
    }

    /**
     * A client for the registry at {@code address}: {@code https://host:port}, {@code http://host:port}, or a bare
     * {@code host:port} (HTTPS, except plain HTTP on a loopback address, as the Docker engine treats it).
     *
     * @param credentials for basic or token authentication, or {@code null} for anonymous access
     * @param caFile a PEM file with the CA certificates to trust instead of the Java defaults, or {@code null}
     * @throws DockerException when the address or the CA file cannot be used
     */
    public static RegistryClient open(String address, RegistryCredentials credentials, Path caFile) {
        URI base = baseUri(address, caFile != null || credentials != null);
        boolean guessed = "http".equals(base.getScheme()) && !address.strip().startsWith("http://");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL);
        if (caFile != null) {
            builder.sslContext(trusting(caFile));
        }
        return new RegistryClient(base, guessed, credentials, builder.build());
    }

    /** The registry's address, e.g. {@code 127.0.0.1:5055}. */
    public String name() {
        return name;
    }

    /** The repositories the registry lists in its catalog. */
    public List<String> repositories() {
        JsonNode catalog = getJson("/v2/_catalog?n=1000", "registry:catalog:*", "the catalog");
        return strings(catalog.path("repositories"));
    }

    /**
     * The tags of a repository, as the registry lists them.
     *
     * @throws DockerException with reason {@link DockerException.Reason#NOT_FOUND} when the repository is unknown
     */
    public List<String> tags(String repository) {
        JsonNode list = getJson("/v2/" + repository + "/tags/list", scope(repository), "repository " + repository);
        return strings(list.path("tags"));
    }

    /** The manifest digest of a tag, from a HEAD request with the manifest media types Docker accepts. */
    public String digest(String repository, String tag) {
        HttpResponse<InputStream> response = send("HEAD", "/v2/" + repository + "/manifests/" + tag,
            scope(repository), repository + ":" + tag);
        closeQuietly(response);
        return response.headers().firstValue("Docker-Content-Digest").orElse("");
    }

    /**
     * Every tag of a repository with its digest, compressed size and creation time (read from the manifest and
     * the image configuration).
     */
    public List<ImageVersion> versions(String repository) {
        List<ImageVersion> versions = new ArrayList<>();
        for (String tag : tags(repository)) {
            String digest = digest(repository, tag);
            JsonNode manifest = getJson("/v2/" + repository + "/manifests/" + tag, scope(repository),
                repository + ":" + tag);
            versions.add(new ImageVersion(name + "/" + repository, tag, digest, "", size(manifest),
                created(repository, manifest)));
        }
        return versions;
    }

    private long size(JsonNode manifest) {
        if (!manifest.has("layers")) {
            // Limitation: for a multi-platform index no single size applies; it is reported as unknown (-1).
            return -1;
        }
        long size = manifest.path("config").path("size").asLong(0);
        for (JsonNode layer : manifest.path("layers")) {
            size += layer.path("size").asLong(0);
        }
        return size;
    }

    private Instant created(String repository, JsonNode manifest) {
        String configDigest = manifest.path("config").path("digest").asText("");
        if (configDigest.isEmpty()) {
            return null;
        }
        JsonNode config = getJson("/v2/" + repository + "/blobs/" + configDigest, scope(repository),
            repository + " image configuration");
        String created = config.path("created").asText("");
        try {
            return created.isEmpty() ? null : Instant.parse(created);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode getJson(String path, String scope, String what) {
        HttpResponse<InputStream> response = send("GET", path, scope, what);
        try (InputStream body = response.body()) {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DockerException(DockerException.Reason.FAILED, "Registry " + name + " sent an unreadable "
                + "answer for " + what + "; check that the address is an image registry.", e);
        }
    }

    private HttpResponse<InputStream> send(String method, String path, String scope, String what) {
        HttpResponse<InputStream> response = exchange(method, path, authorization(scope));
        if (response.statusCode() == 400 && plainGuessed) {
            // A TLS-only server answers a plain request with 400 (Go's: "Client sent an HTTP request to an HTTPS
            // server"); the Docker engine, too, tries the other scheme for a registry on loopback.
            closeQuietly(response);
            plainGuessed = false;
            base = URI.create("https" + base.toString().substring("http".length()));
            LOG.debug("Registry {} wants HTTPS; switching", name);
            response = exchange(method, path, authorization(scope));
        }
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            closeQuietly(response);
            response = exchange(method, path, answer(challenge, scope));
        }
        if (response.statusCode() / 100 != 2) {
            closeQuietly(response);
            throw refused(response.statusCode(), what);
        }
        return response;
    }

    private HttpResponse<InputStream> exchange(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
            .header("Accept", MANIFEST_TYPES + ", application/json")
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            LOG.debug("{} {}{}", method, name, path);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(DockerException.Reason.CANCELLED, "Reading registry " + name
                + " was interrupted.", e);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** What to send before any challenge: a token we already hold for the scope, else nothing. */
    private String authorization(String scope) {
        String token = tokens.get(scope);
        if (token != null) {
            return "Bearer " + token;
        }
        return basicChallenged && credentials != null ? basic(credentials) : null;
    }

    /** Answers a {@code WWW-Authenticate} challenge (RFC 7235): basic with the credentials, or a bearer token. */
    private String answer(String challenge, String scope) {
        String lower = challenge.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer")) {
            String token = new TokenRequest(http, name, credentials).fetch(challenge, scope);
            tokens.put(scope, token);
            return "Bearer " + token;
        }
        if (credentials == null) {
            throw new DockerException(DockerException.Reason.LOGIN_REQUIRED, "Registry " + name
                + " asks for a user name and password; give them with --username and --password-file.", null);
        }
        basicChallenged = true;
        return basic(credentials);
    }

    static String basic(RegistryCredentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private DockerException refused(int status, String what) {
        if (status == 401 && credentials == null) {
            return new DockerException(DockerException.Reason.LOGIN_REQUIRED, "Registry " + name
                + " refused anonymous access (HTTP 401); give a user name and password with --username and "
                + "--password-file.", null);
        }
        if (status == 401) {
            return new DockerException(DockerException.Reason.REGISTRY_REFUSED, "Registry " + name
                + " refused the credentials (HTTP 401); check the user name and password.", null);
        }
        if (status == 403) {
            return new DockerException(DockerException.Reason.REGISTRY_REFUSED, "Registry " + name
                + " denied access to " + what + " (HTTP 403); ask its administrator for read access.", null);
        }
        if (status == 404) {
            return new DockerException(DockerException.Reason.NOT_FOUND, "Registry " + name + " has no " + what
                + " (HTTP 404); check the repository and tag.", null);
        }
        return new DockerException(DockerException.Reason.REGISTRY_REFUSED, "Registry " + name + " failed to answer"
            + " for " + what + " (HTTP " + status + "); try again later or ask its administrator.", null);
    }

    private DockerException unreachable(IOException e) {
        if (EngineErrors.find(e, SSLException.class) != null) {
            return new DockerException(DockerException.Reason.TLS_FAILED, "The TLS handshake with registry " + name
                + " failed; give the registry's CA certificate with --ca-file.", e);
        }
        if (EngineErrors.find(e, ConnectException.class) != null) {
            return new DockerException(DockerException.Reason.UNREACHABLE, "No registry answers at " + base
                + "; check that it is running and the address is right.", e);
        }
        return new DockerException(DockerException.Reason.UNREACHABLE, "Registry " + name
            + " could not be read (" + e.getClass().getSimpleName() + "); check the address and the network.", e);
    }

    private static String scope(String repository) {
        return "repository:" + repository + ":pull";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static URI baseUri(String address, boolean secureHints) {
        String value = address.strip();
        value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return URI.create(value + "/");
        }
        String host = value.contains(":") ? value.substring(0, value.lastIndexOf(':')) : value;
        boolean loopback = "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host);
        return URI.create((loopback && !secureHints ? "http://" : "https://") + value + "/");
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new DockerException(DockerException.Reason.FAILED, "The CA file " + caFile
                + " could not be read as PEM certificates; check the file.", e);
        }
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            LOG.debug("Closing a registry response failed", e);
        }
    }

    /** Fetches a bearer token from the realm a challenge names (the Docker registry token protocol). */
    private record TokenRequest(HttpClient http, String registry, RegistryCredentials credentials) {

        String fetch(String challenge, String scope) {
            Map<String, String> parameters = challengeParameters(challenge);
            String realm = parameters.get("realm");
            if (realm == null) {
                throw new DockerException(DockerException.Reason.REGISTRY_REFUSED, "Registry " + registry
                    + " asked for a token but named no place to get one; ask its administrator.", null);
            }
            String query = "?scope=" + encode(parameters.getOrDefault("scope", scope))
                + (parameters.containsKey("service") ? "&service=" + encode(parameters.get("service")) : "");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm + query)).timeout(TIMEOUT).GET();
            if (credentials != null) {
                request.header("Authorization", basic(credentials));
            }
            return read(request.build());
        }

        private String read(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new DockerException(DockerException.Reason.REGISTRY_REFUSED, "The token service of registry "
                        + registry + " refused (HTTP " + response.statusCode() + "); check the user name and password.",
                        null);
                }
                JsonNode body = JSON.readTree(response.body());
                String token = body.path("token").asText(body.path("access_token").asText(""));
                if (token.isEmpty()) {
                    throw new DockerException(DockerException.Reason.REGISTRY_REFUSED, "The token service of "
                        + "registry " + registry + " sent no token; ask its administrator.", null);
                }
                return token;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException(DockerException.Reason.CANCELLED, "Fetching a registry token was "
                    + "interrupted.", e);
            } catch (IOException e) {
                throw new DockerException(DockerException.Reason.UNREACHABLE, "The token service of registry "
                    + registry + " could not be reached; check the network.", e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** The {@code key="value"} pairs of a challenge such as {@code Bearer realm="...",service="..."}. */
    static Map<String, String> challengeParameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }
}
