package com.kis.estimator.estimate.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.kis.estimator.platform.persistence.TrackedEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A reusable set of lines (e.g. "분전반 표준 구성") that a new estimate can start from. */
@Entity
@Table(schema = "estimator", name = "estimate_templates")
public class EstimateTemplate extends TrackedEntity {

    @Column(nullable = false)
    private String name;
    private String description;
    @Column(name = "discount_rate", nullable = false)
    private BigDecimal discountRate;
    private String note;
    @Column(nullable = false, updatable = false)
    private String owner;
    /** The owner's sales team when it was made (as for an estimate): its members see it. */
    @Column(name = "owner_team", updatable = false)
    private String ownerTeam;
    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<TemplateItem> items = new ArrayList<>();

    protected EstimateTemplate() {
    }

    public EstimateTemplate(String owner, String ownerTeam) {
        this.owner = owner;
        this.ownerTeam = ownerTeam;
    }

    public void describe(String name, String description, BigDecimal discountRate, String note) {
        this.name = name;
        this.description = description;
        this.discountRate = discountRate;
        this.note = note;
    }

    public void clearItems() {
        items.clear();
    }

    public void addItems(List<TemplateItem> newItems) {
        for (TemplateItem item : newItems) {
            item.belongTo(this, items.size() + 1);
            items.add(item);
        }
    }

    public String getName() { return name; }
    public String getDescription() { return description; }
    public BigDecimal getDiscountRate() { return discountRate; }
    public String getNote() { return note; }
    public String getOwner() { return owner; }
    public String getOwnerTeam() { return ownerTeam; }
    public List<TemplateItem> getItems() { return items; }
}
