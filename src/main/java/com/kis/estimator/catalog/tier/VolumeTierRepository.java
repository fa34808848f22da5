package com.kis.estimator.catalog.tier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VolumeTierRepository extends JpaRepository<VolumeTierRow, Long> {

    @Query("select t from VolumeTierRow t order by t.category nulls first, t.minQuantity")
    List<VolumeTierRow> findAllOrdered();
}
