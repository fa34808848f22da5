package com.kis.estimator.catalog.pricelist;

import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.platform.persistence.TrackedEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A customer price list (단가표): agreed unit prices per product, each valid for a period. */
@Entity
@Table(schema = "estimator", name = "price_lists")
public class PriceList extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private boolean demo;
    @OneToMany(mappedBy = "priceList", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("validFrom")
    private List<PriceListEntry> entries = new ArrayList<>();

    protected PriceList() {
    }

    public PriceList(String code, String name, boolean demo) {
        this.code = code;
        this.name = name;
        this.demo = demo;
    }

    public void rename(String name) {
        this.name = name;
    }

    /** Removes all entries; a price list arrives whole, from the ERP or an editor, and replaces the old one. */
    public void clearEntries() {
        entries.clear();
    }

    public void addEntries(List<PriceListEntry> newEntries) {
        newEntries.forEach(entry -> entry.belongTo(this));
        entries.addAll(newEntries);
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public boolean isDemo() { return demo; }
    public List<PriceListEntry> getEntries() { return entries; }
}
