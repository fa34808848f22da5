package com.kis.estimator.catalog.pricelist;

import java.net.URI;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.security.Permission;
import com.kis.estimator.security.RequiresPermission;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/price-lists")
@Tag(name = "catalog")
class PriceListController {

    private final PriceListRepository priceLists;
    private final PriceListMaintenance maintenance;

    PriceListController(PriceListRepository priceLists, PriceListMaintenance maintenance) {
        this.priceLists = priceLists;
        this.maintenance = maintenance;
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping
    @Transactional(readOnly = true)
    List<PriceListResponse> list() {
        return priceLists.findAll(Sort.by("code")).stream().map(PriceListResponse::summary).toList();
    }

    @RequiresPermission(Permission.CATALOG_READ)
    @GetMapping("/{code}")
    @Transactional(readOnly = true)
    PriceListResponse read(@PathVariable String code) {
        PriceList list = priceLists.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("Price list", code));
        return PriceListResponse.full(list, priceLists.findEntriesOf(list));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @ApiResponse(responseCode = "409", description = "A price list with this code exists")
    @ApiResponse(responseCode = "422", description = "An entry names a product that does not exist (`unknown-reference`) or overlaps another (`business-rule`)")
    ResponseEntity<PriceListResponse> create(@Valid @RequestBody PriceListRequest request) {
        PriceList list = maintenance.create(request);
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + list.getCode())).body(read(list.getCode()));
    }

    @RequiresPermission(Permission.CATALOG_WRITE)
    @PutMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "409", description = "Changed by someone else meanwhile")
    @ApiResponse(responseCode = "422", description = "An entry names a product that does not exist (`unknown-reference`) or overlaps another (`business-rule`)")
    PriceListResponse update(@PathVariable String code, @Valid @RequestBody PriceListRequest request) {
        maintenance.update(code, request);
        return read(code);
    }
}
