package com.kis.estimator.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product> {

    @Query("select p from Product p where p.code = :code")
    Optional<Product> findByCode(String code);

    @Query("select p from Product p where p.active = true order by p.code")
    List<Product> findActive();

    /** JPQL so that Hibernate's query plan cache applies on the pricing path. */
    @Query("select p from Product p where p.code in :codes")
    List<Product> findByCodeIn(Collection<String> codes);

    boolean existsByCode(String code);
}
