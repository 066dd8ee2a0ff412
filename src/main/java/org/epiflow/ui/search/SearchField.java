package org.epiflow.ui.search;

import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.epiflow.ui.i18n.Messages;

/** The region search box: suggestions as you type (ControlsFX auto-completion); Enter takes the best match. */
public final class SearchField extends TextField {

    public SearchField(SearchViewModel vm, Messages m, Runnable afterChoice) {
        setId("searchField");
        setPromptText(m.get("search.prompt"));
        setPrefColumnCount(18);
        textProperty().bindBidirectional(vm.textProperty());
        AutoCompletionBinding<RegionMatch> binding = TextFields.bindAutoCompletion(this,
                r -> vm.search(r.getUserText()));
        binding.setVisibleRowCount(10);
        binding.setOnAutoCompleted(e -> {
            vm.choose(e.getCompletion());
            afterChoice.run();
        });
        setOnAction(e -> {
            if (vm.choose(null)) {
                afterChoice.run();
            }
        });
    }
}
