package org.citycase.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.CatalogueProperties;
import org.citycase.catalogue.Category;
import org.citycase.catalogue.Department;
import org.citycase.catalogue.District;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo city's geography read from {@code config/geography/}: points placed in their grid, community,
 * street and district, edges and corners, the city's outer boundary, the pilot fence and the grids'
 * supervisors; and inconsistent geography refused at start-up.
 */
class GeographyTest {

    private static final Path GEOGRAPHY = Path.of("config", "geography");
    private static final Geography CITY = geography(false);

    @Test
    void placesAPointInItsGridCommunityStreetAndDistrict() {
        Location location = CITY.locate(120.615, 31.305).orElseThrow();

        assertThat(location.gridCode()).isEqualTo("99010100100102");
        assertThat(location.communityCode()).isEqualTo("990101001001");
        assertThat(location.streetCode()).isEqualTo("990101001");
        assertThat(location.districtCode()).isEqualTo("990101");
        assertThat(location.label()).isEqualTo("东城区公园街道公园西社区第02网格");
        assertThat(location.gridSupervisor()).isEqualTo("supervisor-east");
    }

    @Test
    void everyGridCodeExtendsItsCommunityStreetAndDistrictCodes() {
        for (double lon = 120.505; lon < 120.70; lon += 0.01) {
            for (double lat = 31.205; lat < 31.40; lat += 0.01) {
                Location location = CITY.locate(lon, lat).orElseThrow();
                assertThat(location.gridCode()).hasSize(14).startsWith(location.communityCode());
                assertThat(location.communityCode()).hasSize(12).startsWith(location.streetCode());
                assertThat(location.streetCode()).hasSize(9).startsWith(location.districtCode());
                assertThat(CITY.districtAt(lon, lat)).contains(location.districtCode());
            }
        }
        assertThat(CITY.gridCount()).isEqualTo(400);
    }

    @ParameterizedTest(name = "({0}, {1}) -> {2}")
    @CsvSource(textBlock = """
            120.61,  31.305, 99010100100101, edge between the first two grids: the first listed wins
            120.61,  31.31,  99010100100101, corner of four grids: the first listed wins
            120.62,  31.30,  99010100100102, corner on the district's southern boundary
            120.60,  31.35,  99010100100109, corner between 东城区 and 西城区: 东城区 is listed first
            120.60,  31.30,  99010100100101, corner of three districts
            120.70,  31.40,  99010100400306, north-eastern corner of the city
            120.50,  31.20,  99010300100101, south-western corner of the city
            """)
    void placesAPointOnAnEdgeOrCornerInTheFirstListedGridThatTouchesIt(double lon, double lat, String grid,
                                                                         String why) {
        assertThat(CITY.locate(lon, lat).orElseThrow().gridCode()).as(why).isEqualTo(grid);
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource(textBlock = """
            120.7000001, 31.35
            120.65,      31.4000001
            120.4999999, 31.25
            120.60,      31.1999999
            116.40,      39.90
            0,           0
            -120.65,     -31.35
            """)
    void refusesAPointOutsideTheCityNamingIt(double lon, double lat) {
        assertThat(CITY.locate(lon, lat)).isEmpty();
        assertThat(CITY.districtAt(lon, lat)).isEmpty();
        assertThatThrownBy(() -> CITY.place(lon, lat))
                .isInstanceOf(OutsideServiceAreaException.class)
                .hasMessageContaining("(" + lon + ", " + lat + ")")
                .hasMessageContaining("outside the city's service area");
    }

    @Test
    void servesTheWholeCityWhenThePilotFenceIsOff() {
        assertThat(CITY.pilotOnly()).isFalse();
        assertThat(CITY.place(120.68, 31.35).districtCode()).isEqualTo("990101");
        assertThat(CITY.inPilotArea(120.68, 31.35)).isFalse();
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource(textBlock = """
            120.62, 31.35
            120.65, 31.35
            120.60, 31.30
            120.65, 31.40
            """)
    void acceptsPointsInsideThePilotAreaAndOnItsBoundaryWhenFenced(double lon, double lat) {
        Geography fenced = geography(true);

        assertThat(fenced.place(lon, lat).districtCode()).isEqualTo("990101");
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource(textBlock = """
            120.6500001, 31.35
            120.68,      31.35
            120.55,      31.35
            120.62,      31.25
            """)
    void refusesPointsOfTheCityOutsideThePilotAreaWhenFencedNamingTheAreaAndThePoint(double lon, double lat) {
        Geography fenced = geography(true);

        assertThat(fenced.locate(lon, lat)).isPresent();
        assertThatThrownBy(() -> fenced.place(lon, lat))
                .isInstanceOf(OutsideServiceAreaException.class)
                .hasMessageContaining("(" + lon + ", " + lat + ")")
                .hasMessageContaining("outside the pilot area 东城区全民城管试点区域");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            120.675, 31.375, supervisor,       人民街道 has its own supervisor
            120.615, 31.305, supervisor-east,  the rest of 东城区
            120.515, 31.315, supervisor-west,  西城区
            120.515, 31.215, supervisor-south, 南苑街道 of 南湖区
            120.675, 31.275, ,                 湖东街道 has no supervisor yet
            """)
    void namesTheSupervisorOfTheGridByTheLongestMatchingCodePrefix(double lon, double lat, String supervisor,
                                                                   String why) {
        assertThat(CITY.locate(lon, lat).orElseThrow().gridSupervisor()).as(why).isEqualTo(supervisor);
    }

    @Test
    void refusesAGridWhoseCodeDoesNotExtendACommunityCode(@TempDir Path temp) throws IOException {
        Path grids = copyWith(temp, "grids.geojson", "\"99010100100101\"", "\"99010199900101\"");

        assertThatThrownBy(() -> geography(grids, GEOGRAPHY.resolve("grid-supervisors.yaml"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99010199900101")
                .hasMessageContaining("known parent");
    }

    @Test
    void refusesAGridOutsideItsCommunity(@TempDir Path temp) throws IOException {
        Path grids = copyWith(temp, "grids.geojson", "\"99010100100101\"", "\"99010100100301\"");

        assertThatThrownBy(() -> geography(grids, GEOGRAPHY.resolve("grid-supervisors.yaml"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not lie inside its parent '990101001003'");
    }

    @Test
    void refusesASupervisorForCodesWithoutGrids(@TempDir Path temp) throws IOException {
        Path supervisors = temp.resolve("grid-supervisors.yaml");
        Files.writeString(supervisors, "supervisors:\n  \"990199\": nobody\n");

        assertThatThrownBy(() -> geography(GEOGRAPHY.resolve("grids.geojson"), supervisors, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("990199");
    }

    private static Path copyWith(Path temp, String file, String from, String to) throws IOException {
        Path copy = temp.resolve(file);
        Files.writeString(copy, Files.readString(GEOGRAPHY.resolve(file)).replaceFirst(from, to));
        return copy;
    }

    private static Geography geography(boolean pilotOnly) {
        return geography(GEOGRAPHY.resolve("grids.geojson"), GEOGRAPHY.resolve("grid-supervisors.yaml"), pilotOnly);
    }

    private static Geography geography(Path grids, Path supervisors, boolean pilotOnly) {
        GeographyProperties properties = new GeographyProperties(GEOGRAPHY.resolve("districts.geojson"),
                GEOGRAPHY.resolve("streets.geojson"), GEOGRAPHY.resolve("communities.geojson"), grids, supervisors,
                GEOGRAPHY.resolve("pilot-area.geojson"), pilotOnly);
        return new Geography(properties, catalogue(), new ObjectMapper());
    }

    private static Catalogue catalogue() {
        return new Catalogue(new CatalogueProperties(
                List.of(new Category("E0102", Category.Kind.EVENT, "01", "市容环境", "暴露垃圾", "有垃圾", "已清除",
                        "4工作小时", true)),
                List.of(new Department("ROADS", "示范市市政道路管理处", "dept-roads", null)),
                List.of(new District("990101", "东城区"), new District("990102", "西城区"),
                        new District("990103", "南湖区"))));
    }
}
