package com.kis.estimator.estimate.template;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EstimateTemplates extends JpaRepository<EstimateTemplate, Long> {

    @Query("select distinct t from EstimateTemplate t left join fetch t.items where t.id = :id")
    Optional<EstimateTemplate> findWithItems(long id);

    @Query("select distinct t from EstimateTemplate t left join fetch t.items order by t.name")
    List<EstimateTemplate> findAllWithItems();
}
