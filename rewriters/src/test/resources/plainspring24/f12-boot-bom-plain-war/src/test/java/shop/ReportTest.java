package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;

@SpringJUnitWebConfig(AppConfig.class)
class ReportTest {
    @Autowired Report report;

    @Test
    void line() {
        assertEquals("1: Lamp", report.line(1));
    }
}
