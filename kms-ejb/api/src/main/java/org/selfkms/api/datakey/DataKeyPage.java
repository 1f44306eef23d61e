package org.selfkms.api.datakey;

import java.io.Serializable;
import java.util.List;

/** One page of a data-key listing and the total number of data keys that match. */
public record DataKeyPage(List<DataKeyMetadata> dataKeys, long totalCount) implements Serializable {
    public DataKeyPage {
        dataKeys = List.copyOf(dataKeys);
    }
}
