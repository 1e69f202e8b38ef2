package org.citycase.catalogue;

import java.util.Collection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the catalogue for clients that build report forms and dispatch screens. */
@RestController
@RequestMapping("/api")
public class CatalogueController {

    private final Catalogue catalogue;

    public CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/categories")
    public Collection<Category> categories() {
        return catalogue.categories();
    }

    @GetMapping("/departments")
    public Collection<Department> departments() {
        return catalogue.departments();
    }

    @GetMapping("/districts")
    public Collection<District> districts() {
        return catalogue.districts();
    }
}
