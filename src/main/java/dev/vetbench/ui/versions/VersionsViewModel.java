package dev.vetbench.ui.versions;

import dev.vetbench.checks.CancellationToken;
import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.ErrorReport;
import dev.vetbench.ui.versions.ImageCatalog.CatalogException;
import dev.vetbench.ui.versions.ImageCatalog.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Versions screen's state: what the host and registries offer, what is picked, what is being pulled. */
public final class VersionsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(VersionsViewModel.class);

    private final BackgroundTasks tasks;
    private final ObservableList<Item> items = FXCollections.observableArrayList(
        item -> new Observable[] {item.selected, item.row, item.pulling});
    private final FilteredList<Item> visible = new FilteredList<>(items);
    private final ObservableList<VersionRow> selected = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty registry = new SimpleStringProperty("");
    private final StringProperty repository = new SimpleStringProperty("");
    // The registry login lives only here and in the catalog's memory: never saved, never logged.
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Path> caFile = new SimpleObjectProperty<>();
    private final BooleanProperty loginShown = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private ImageCatalog catalog;

    public VersionsViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        filter.addListener((obs, old, text) -> visible.setPredicate(item -> matches(item, text)));
        items.addListener((ListChangeListener<Item>) change -> selected.setAll(
            items.stream().filter(item -> item.selected.get()).map(item -> item.row.get()).toList()));
    }

    /** Switches to the catalog of a newly connected host (or none), and lists its versions. */
    public void useCatalog(ImageCatalog newCatalog) {
        catalog = newCatalog;
        items.clear();
        error.set(null);
        if (catalog != null) {
            refresh();
        }
    }

    public void refresh() {
        if (catalog == null) {
            return;
        }
        ImageCatalog from = catalog;
        loading.set(true);
        tasks.create(from::hostVersions)
            .onSuccess(rows -> merge(rows, true))
            .onError(e -> fail("Vetbench could not list the images on this engine. Check the connection on the "
                + "Host screen and refresh.", e))
            .andFinally(() -> loading.set(false))
            .start();
    }

    /** Lists the tags of the repository entered, from the registry entered. */
    public void listRegistry() {
        String host = registry.get().strip();
        String name = repository.get().strip();
        if (catalog == null || host.isEmpty() || name.isEmpty()) {
            fail("Enter a registry (e.g. 127.0.0.1:5055) and a repository (e.g. medivendor/frontend).", null);
            return;
        }
        ImageCatalog from = catalog;
        RegistryAccess access = new RegistryAccess(username.get(), password.get(), caFile.get());
        loading.set(true);
        notice.set("");
        tasks.create(() -> from.registryVersions(host, name, access))
            .onSuccess(rows -> merge(rows, false))
            .onError(e -> {
                if (e instanceof CatalogException known && known.problem() != Problem.FAILED) {
                    loginShown.set(true); // The fields that fix it come into view.
                }
                fail("Vetbench could not list the tags of " + name + " at " + host
                    + ". Check the registry address and that it answers.", e);
            })
            .andFinally(() -> loading.set(false))
            .start();
    }

    public void pull(Item item) {
        if (catalog == null || item.pulling.get()) {
            return;
        }
        ImageCatalog from = catalog;
        CancellationToken cancel = new CancellationToken();
        VersionRow before = item.row.get();
        item.pullCancel = cancel;
        item.pulling.set(true);
        item.progress.set(-1);
        notice.set("");
        tasks.create(() -> from.pull(before, fraction -> tasks.publish(() -> item.progress.set(fraction)), cancel))
            .onSuccess(row -> {
                LOG.info("Pulled {} ({})", row.reference(), row.digest());
                item.row.set(row);
            })
            .onError(e -> pullFailed(item, before, e))
            .andFinally(() -> {
                item.pulling.set(false);
                item.pullCancel = null;
            })
            .start();
    }

    /** Stops the pull of this version; the engine drops what it fetched and the row goes back to the registry. */
    public void cancelPull(Item item) {
        CancellationToken cancel = item.pullCancel;
        if (cancel != null) {
            LOG.info("Cancelling the pull of {}", item.row.get().reference());
            cancel.cancel();
        }
    }

    /** Stops every pull in progress (Esc on the screen). */
    public void cancel() {
        // A copy: a pull that stops at once lists the host again, which changes the items under the loop.
        List.copyOf(items).forEach(this::cancelPull);
    }

    private void pullFailed(Item item, VersionRow before, Throwable e) {
        if (e instanceof CatalogException known && known.problem() == Problem.CANCELLED) {
            item.row.set(before);
            item.progress.set(-1);
            notice.set(known.getMessage());
            LOG.info("Versions: {}", known.getMessage());
            // A pull may have finished just as it was cancelled: the host's own list says what is really there.
            refresh();
            return;
        }
        fail("Pulling " + before.reference() + " failed. Check that the engine can reach the registry, then try "
            + "again.", e);
    }

    private void merge(List<VersionRow> rows, boolean fromHost) {
        error.set(null);
        List<Item> merged = new ArrayList<>(items);
        for (VersionRow row : rows) {
            Item existing = merged.stream().filter(item -> item.row.get().reference().equals(row.reference()))
                .findFirst().orElse(null);
            if (existing == null) {
                merged.add(new Item(row));
            } else if (fromHost || !existing.row.get().onHost()) {
                existing.row.set(row);
            }
        }
        merged.sort(Comparator.comparing((Item item) -> item.row.get().repository())
            .thenComparing(item -> item.row.get().tag(), Comparator.reverseOrder()));
        items.setAll(merged); // One change for the whole listing, not one per version.
    }

    private void fail(String sentence, Throwable cause) {
        Throwable shown = cause;
        if (cause instanceof CatalogException known) {
            sentence = known.getMessage();
            shown = known.getCause();
        }
        LOG.info("Versions: {}", sentence);
        error.set(ErrorReport.of(sentence, shown));
    }

    private static boolean matches(Item item, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || item.row.get().reference().toLowerCase(Locale.ROOT).contains(wanted)
            || item.row.get().digest().toLowerCase(Locale.ROOT).contains(wanted);
    }

    public ObservableList<Item> visibleItems() {
        return visible;
    }

    public ObservableList<Item> items() {
        return items;
    }

    /** The versions picked for the assessment, in list order. */
    public ObservableList<VersionRow> selected() {
        return selected;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The registry's CA certificate (PEM), for registries with a private CA. */
    public ObjectProperty<Path> caFileProperty() {
        return caFile;
    }

    /** Whether the registry login fields are in view; set when a registry asks for them. */
    public BooleanProperty loginShownProperty() {
        return loginShown;
    }

    /** A sentence about something that went as asked but is worth saying, e.g. a cancelled pull. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean connected() {
        return catalog != null;
    }

    /** One row of the list: the version, whether it is picked, and its pull progress. */
    public static final class Item {
        private final ObjectProperty<VersionRow> row;
        private final BooleanProperty selected = new SimpleBooleanProperty();
        private final BooleanProperty pulling = new SimpleBooleanProperty();
        private final DoubleProperty progress = new SimpleDoubleProperty(-1);
        private volatile CancellationToken pullCancel;

        Item(VersionRow row) {
            this.row = new SimpleObjectProperty<>(row);
        }

        public ObjectProperty<VersionRow> rowProperty() {
            return row;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public BooleanProperty pullingProperty() {
            return pulling;
        }

        public DoubleProperty progressProperty() {
            return progress;
        }
    }
}
