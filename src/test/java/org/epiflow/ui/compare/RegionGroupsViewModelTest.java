package org.epiflow.ui.compare;

import org.epiflow.bundle.TestDatasets;
import org.epiflow.data.RegionGroup;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.map.RegionSelection;
import org.epiflow.ui.util.CurrentThreadTaskExecutor;
import org.epiflow.ui.util.FileChooserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RegionGroupsViewModelTest {
    static final AggregateDataset DATA = TestDatasets.dataset(5, 10, LocalDate.of(2030, 1, 1), 3);
    @TempDir
    Path tmp;
    Messages messages = Messages.of(Locale.ENGLISH);
    RegionSelection selection = new RegionSelection();
    List<List<RegionGroup>> saved = new ArrayList<>();
    RegionGroupsViewModel vm;

    @BeforeEach
    void setUp() {
        selection.datasetProperty().set(DATA);
        vm = new RegionGroupsViewModel(messages, new CurrentThreadTaskExecutor(), new FileChooserService() {
            @Override
            public Optional<Path> openFile(String title, Path initial, String filterName, String... extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> saveFile(String title, Path initial, String filterName, String... extensions) {
                return Optional.empty();
            }
        }, selection);
        vm.storageProperty().set(new GroupStorage() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public List<RegionGroup> load() {
                return saved.isEmpty() ? List.of() : saved.get(saved.size() - 1);
            }

            @Override
            public void save(List<RegionGroup> groups) {
                saved.add(List.copyOf(groups));
            }
        });
    }

    @Test
    void aGroupFromTheMapSelectionIsSavedShownAndSelectableAsOneNode() {
        selection.selectAll(List.of("420100", "440100"));
        vm.nameProperty().set("South");
        assertThat(vm.fromSelection()).isTrue();
        assertThat(saved).last().isEqualTo(List.of(new RegionGroup("South", List.of("420100", "440100"))));
        assertThat(vm.onMapProperty().get()).extracting(RegionGroup::name).containsExactly("South");
        assertThat(selection.groupsProperty().get()).extracting(RegionGroup::name).containsExactly("South");
        assertThat(selection.regionIndexes("South")).containsExactly(DATA.regions().indexOf("420100"),
                DATA.regions().indexOf("440100"));
        assertThat(vm.noticeProperty().get()).isEqualTo("Group \"South\" saved with 2 regions.");
    }

    @Test
    void unknownCodesAreRefusedByNameInBothLanguagesAndNothingIsSaved() {
        vm.nameProperty().set("Typos");
        vm.codesProperty().set("420100, 999999；888888");
        assertThat(vm.fromList()).isFalse();
        assertThat(saved).isEmpty();
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("999999, 888888").contains("2 codes are not a region");
        messages.setLocale(Messages.CHINESE);
        assertThat(vm.errorProperty().get()).contains("999999, 888888").contains("不是当前数据包中的地区");
    }

    @Test
    void aCsvOfCodesWithAHeaderMakesAGroupNamedAfterTheFile() throws Exception {
        Path csv = tmp.resolve("areas with cases.csv");
        Files.write(csv, "\uFEFFname,code\n北京,110100\n\"Shanghai, city\",310100\n\n".getBytes(StandardCharsets.UTF_8));
        vm.fromCsv(csv);
        assertThat(vm.groups()).containsExactly(new RegionGroup("areas with cases", List.of("110100", "310100")));
    }

    @Test
    void aBadCsvIsRefusedSayingWhy() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.write(csv, new byte[] {'4', '2', (byte) 0xC3, (byte) 0x28});
        vm.fromCsv(csv);
        assertThat(vm.errorProperty().get()).contains("bad.csv").contains("not UTF-8");
        Files.writeString(csv, "code\n420100\n\"310100\n");
        vm.fromCsv(csv);
        assertThat(vm.errorProperty().get()).contains("Line 3").contains("not closed");
        assertThat(vm.groups()).isEmpty();
    }

    @Test
    void overlappingGroupsAreNotShownTogetherAndDeletingForgetsThem() {
        assertThat(vm.add("A", List.of("420100", "440100"))).isTrue();
        assertThat(vm.add("B", List.of("440100", "110100"))).isFalse();
        assertThat(vm.errorProperty().get()).contains("in two groups");
        vm.setShown("A", false);
        assertThat(vm.add("B", List.of("440100", "110100"))).isTrue();
        vm.setShown("A", true);
        assertThat(vm.errorProperty().get()).contains("shares regions with \"B\"");
        assertThat(vm.onMapProperty().get()).extracting(RegionGroup::name).containsExactly("B");
        vm.delete("B");
        assertThat(vm.groups()).extracting(RegionGroup::name).containsExactly("A");
        assertThat(saved).last().isEqualTo(List.of(new RegionGroup("A", List.of("420100", "440100"))));
    }

    @Test
    void loadsFromStorageAndForgetsOnLock() {
        saved.add(List.of(new RegionGroup("X", List.of("110100"))));
        vm.load();
        assertThat(vm.groups()).extracting(RegionGroup::name).containsExactly("X");
        vm.clear();
        assertThat(vm.groups()).isEmpty();
    }
}
