package com.example.order.reconciliation;

import com.example.order.client.RemoteCatalogClient;
import java.util.ArrayList;
import java.util.List;

/** Puts together the orders' end-of-month statements, one catalogue entry at a time. */
public class OrderStatementReconciliationAssemblyService {
    private final RemoteCatalogClient catalogue;

    public OrderStatementReconciliationAssemblyService(RemoteCatalogClient catalogue) {
        this.catalogue = catalogue;
    }

    public List<String> describeEveryCatalogueEntryForTheMonthlyRegulatoryStatement(List<String> entryCodes) {
        List<String> descriptions = new ArrayList<>();
        for (String entryCode : entryCodes) {
            descriptions.add(catalogue.fetchRegionalComplianceDescriptionForCatalogueEntry(entryCode));
        }
        return descriptions;
    }

    public String describeOneCatalogueEntryForTheMonthlyRegulatoryStatement(String entryCode) {
        return catalogue.fetchRegionalComplianceDescriptionForCatalogueEntry(entryCode).strip();
    }
}
