package com.kis.estimator.catalog.customer;

import com.kis.estimator.catalog.pricelist.PriceList;
import com.kis.estimator.platform.crypto.EncryptedString;
import com.kis.estimator.platform.persistence.TrackedEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A customer (거래처), optionally bound to a price list with its agreed unit prices. */
@Entity
@Table(schema = "estimator", name = "customers")
public class Customer extends TrackedEntity {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    /** Ten digits, no hyphens; encrypted in the table. */
    @Column(name = "business_registration_number", nullable = false)
    @Convert(converter = EncryptedString.class)
    private String businessRegistrationNumber;
    /** Blind index of the registration number, for exact lookups without decrypting every row. */
    @Column(name = "business_registration_number_index")
    private String businessRegistrationNumberIndex;
    @Column(nullable = false)
    private String tier;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "price_list_id")
    private PriceList priceList;
    @Column(name = "contact_name")
    @Convert(converter = EncryptedString.class)
    private String contactName;
    @Column(name = "contact_email")
    @Convert(converter = EncryptedString.class)
    private String contactEmail;
    @Column(name = "contact_phone")
    @Convert(converter = EncryptedString.class)
    private String contactPhone;
    @Convert(converter = EncryptedString.class)
    private String address;
    @Column(nullable = false)
    private boolean demo;

    protected Customer() {
    }

    public Customer(String code, boolean demo) {
        this.code = code;
        this.demo = demo;
    }

    public void describe(String name, String businessRegistrationNumber, String businessRegistrationNumberIndex,
            String tier, PriceList priceList) {
        this.businessRegistrationNumberIndex = businessRegistrationNumberIndex;
        this.name = name;
        this.businessRegistrationNumber = businessRegistrationNumber;
        this.tier = tier;
        this.priceList = priceList;
    }

    public void contact(String contactName, String contactEmail, String contactPhone, String address) {
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.address = address;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getBusinessRegistrationNumber() { return businessRegistrationNumber; }
    public String getTier() { return tier; }
    public PriceList getPriceList() { return priceList; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public String getAddress() { return address; }
    public boolean isDemo() { return demo; }
}
