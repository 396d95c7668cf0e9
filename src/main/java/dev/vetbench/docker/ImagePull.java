package dev.vetbench.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One pull through the engine, with progress events and cancellation. */
final class ImagePull {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePull.class);
    private static final long POLL_MILLIS = 200;

    private final DockerClient client;
    private final DockerHostSpec host;

    ImagePull(DockerClient client, DockerHostSpec host) {
        this.client = client;
        this.host = host;
    }

    void run(ImageRef image, RegistryCredentials credentials, PullListener listener, CancellationToken cancel) {
        String what = "Pulling " + image;
        cancel.throwIfCancelled(what);
        LOG.info("Pulling {}", image);

        Progress callback = new Progress(listener);
        var command = client.pullImageCmd(image.name()).withTag(image.tag());
        if (credentials != null) {
            command.withAuthConfig(new AuthConfig().withUsername(credentials.username())
                .withPassword(credentials.password()).withRegistryAddress(image.registry()));
        }
        try (CancellationToken.AutoCloseableHook hook = cancel.onCancel(() -> closeQuietly(callback))) {
            command.exec(callback);
            // Not the callback's own timed awaitCompletion: it closes the stream when it returns.
            while (!callback.done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                cancel.throwIfCancelled(what);
            }
            cancel.throwIfCancelled(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new DockerException(DockerException.Reason.CANCELLED, what + " was interrupted.", e);
        } catch (DockerException e) {
            closeQuietly(callback);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(callback);
            throw failure(image, EngineErrors.engineMessage(e), e);
        }
        if (callback.error != null) {
            throw failure(image, callback.error, null);
        }
        if (callback.failure != null) {
            throw failure(image, EngineErrors.engineMessage(callback.failure), callback.failure);
        }
    }

    /** Turns the engine's pull error into one sentence; the engine never echoes credentials. */
    private DockerException failure(ImageRef image, String engineSays, Throwable cause) {
        String said = engineSays.toLowerCase(Locale.ROOT);
        String registry = image.registry().isEmpty() ? "the default registry" : "registry " + image.registry();
        if (said.contains("unauthorized") || said.contains("authentication required") || said.contains("denied")
                || said.contains("no basic auth credentials") || said.contains("forbidden")) {
            return new DockerException(DockerException.Reason.REGISTRY_REFUSED, registry.substring(0, 1)
                .toUpperCase(Locale.ROOT) + registry.substring(1) + " refused to let Docker pull " + image
                + "; check the user name and password.", cause);
        }
        if (said.contains("not found") || said.contains("manifest unknown") || said.contains("does not exist")) {
            return new DockerException(DockerException.Reason.NOT_FOUND, "Image " + image + " was not found in "
                + registry + "; check the repository and tag.", cause);
        }
        if (said.contains("connection refused") || said.contains("no such host") || said.contains("i/o timeout")) {
            return new DockerException(DockerException.Reason.UNREACHABLE, "The Docker engine at " + host.uri()
                + " could not reach " + registry
                + " to pull " + image + "; check that the registry runs and the engine can reach it.", cause);
        }
        return new DockerException(DockerException.Reason.FAILED, "Docker could not pull " + image
            + "; the engine said \"" + engineSays + "\".", cause);
    }

    private static void closeQuietly(Progress callback) {
        try {
            callback.close();
        } catch (IOException e) {
            LOG.debug("Closing a pull stream failed", e);
        }
    }

    /** Hands each engine event to the listener and keeps the first error the engine reports. */
    private static final class Progress extends ResultCallback.Adapter<PullResponseItem> {
        private final PullListener listener;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile String error;
        private volatile Throwable failure;

        Progress(PullListener listener) {
            this.listener = listener;
        }

        @Override
        public void onComplete() {
            super.onComplete();
            done.countDown();
        }

        @Override
        public void onError(Throwable throwable) {
            // Kept and reported once by run(); the template would log it as an error first.
            failure = throwable;
            done.countDown();
            closeQuietly(this);
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null || item.getError() != null) {
                ResponseItem.ErrorDetail detail = item.getErrorDetail();
                error = error != null ? error : detail != null && detail.getMessage() != null
                    ? detail.getMessage() : item.getError();
                return;
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            long current = detail == null || detail.getCurrent() == null ? -1 : detail.getCurrent();
            long total = detail == null || detail.getTotal() == null ? -1 : detail.getTotal();
            listener.onProgress(new PullProgress(item.getId(), item.getStatus(), current, total));
        }
    }
}
