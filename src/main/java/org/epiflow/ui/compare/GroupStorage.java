package org.epiflow.ui.compare;

import org.epiflow.data.RegionGroup;

import java.util.List;

/** Where the officer's region groups are kept (the workspace; a list in memory in tests). Called off the UI thread. */
public interface GroupStorage {
    /** Whether groups can be loaded and saved now (the workspace is open). */
    boolean available();

    List<RegionGroup> load() throws Exception;

    void save(List<RegionGroup> groups) throws Exception;
}
