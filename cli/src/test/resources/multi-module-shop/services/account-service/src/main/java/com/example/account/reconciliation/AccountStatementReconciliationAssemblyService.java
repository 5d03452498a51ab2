package com.example.account.reconciliation;

import com.example.account.client.RemoteCatalogClient;
import java.util.ArrayList;
import java.util.List;

/** Puts together the accounts' end-of-month statements, one catalogue entry at a time. */
public class AccountStatementReconciliationAssemblyService {
    private final RemoteCatalogClient catalogue;

    public AccountStatementReconciliationAssemblyService(RemoteCatalogClient catalogue) {
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
