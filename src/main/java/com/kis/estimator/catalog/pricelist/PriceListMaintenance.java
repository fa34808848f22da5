package com.kis.estimator.catalog.pricelist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogChanged;
import com.kis.estimator.catalog.product.Product;
import com.kis.estimator.catalog.product.ProductRepository;
import com.kis.estimator.catalog.support.MasterCodes;
import com.kis.estimator.platform.web.ApiProblemException;

/**
 * Writes whole price lists. Every entry is checked before anything is written, and the first bad entry is
 * named ({@code entries[3].productCode}), so a rejected list changes nothing.
 */
@Service
@Transactional
class PriceListMaintenance {

    private final PriceListRepository priceLists;
    private final ProductRepository products;
    private final ApplicationEventPublisher events;

    PriceListMaintenance(PriceListRepository priceLists, ProductRepository products, ApplicationEventPublisher events) {
        this.priceLists = priceLists;
        this.products = products;
        this.events = events;
    }

    PriceList create(PriceListRequest request) {
        MasterCodes.requireNew(request.code(), priceLists.existsByCode(request.code()), "price list");
        PriceList list = new PriceList(request.code(), request.name(), false);
        list.addEntries(entriesOf(request.entries()));
        return priceLists.save(list);
    }

    PriceList update(String code, PriceListRequest request) {
        PriceList list = priceLists.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("Price list", code));
        MasterCodes.requireUnchanged(code, request.code(), "price list");
        List<PriceListEntry> entries = entriesOf(request.entries());
        list.rename(request.name());
        list.clearEntries();
        // Hibernate inserts before it deletes orphans; flush the removal first, or an unchanged
        // (product, valid_from) would collide with itself on the unique constraint.
        priceLists.flush();
        list.addEntries(entries);
        events.publishEvent(new CatalogChanged("price list " + code));
        return list;
    }

    private List<PriceListEntry> entriesOf(List<PriceListRequest.Entry> requested) {
        Map<String, Product> byCode = products.findByCodeIn(requested.stream()
                .map(PriceListRequest.Entry::productCode).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Product::getCode, Function.identity()));
        Set<String> keys = new HashSet<>();
        List<PriceListEntry> entries = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            PriceListRequest.Entry entry = requested.get(i);
            Product product = byCode.get(entry.productCode());
            if (product == null) {
                throw ApiProblemException.unknownReference("entries[" + i + "].productCode",
                        "no product " + entry.productCode());
            }
            if (entry.validTo() != null && entry.validTo().isBefore(entry.validFrom())) {
                throw ApiProblemException.businessRule("entries[" + i + "].validTo",
                        "validTo " + entry.validTo() + " is before validFrom " + entry.validFrom());
            }
            if (!keys.add(entry.productCode() + "@" + entry.validFrom())) {
                throw ApiProblemException.businessRule("entries[" + i + "].validFrom",
                        "a second price for " + entry.productCode() + " from " + entry.validFrom());
            }
            entries.add(new PriceListEntry(product, entry.price(), entry.validFrom(), entry.validTo()));
        }
        return entries;
    }
}
