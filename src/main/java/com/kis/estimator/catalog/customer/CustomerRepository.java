package com.kis.estimator.catalog.customer;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    @EntityGraph(attributePaths = "priceList")
    Optional<Customer> findByCode(String code);

    boolean existsByCode(String code);

    @EntityGraph(attributePaths = "priceList")
    @Query("""
            select c from Customer c
            where lower(c.code) like lower(concat('%', :text, '%'))
               or c.name like concat('%', :text, '%')
               or c.businessRegistrationNumber = :text""")
    Page<Customer> search(String text, Pageable page);

    @EntityGraph(attributePaths = "priceList")
    @Query("select c from Customer c")
    Page<Customer> findAllWithPriceList(Pageable page);
}
