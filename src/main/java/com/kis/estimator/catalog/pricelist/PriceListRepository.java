package com.kis.estimator.catalog.pricelist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PriceListRepository extends JpaRepository<PriceList, Long> {

    Optional<PriceList> findByCode(String code);

    boolean existsByCode(String code);

    @Query("""
            select e from PriceListEntry e join fetch e.product p
            where e.priceList.code = :priceListCode and p.code in :productCodes""")
    List<PriceListEntry> findEntries(String priceListCode, Collection<String> productCodes);

    @Query("select e from PriceListEntry e join fetch e.product where e.priceList = :priceList order by e.product.code, e.validFrom")
    List<PriceListEntry> findEntriesOf(PriceList priceList);
}
