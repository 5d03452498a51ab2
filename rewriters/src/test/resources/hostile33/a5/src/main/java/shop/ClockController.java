package shop;
import java.time.*;
import java.time.format.TextStyle;
import org.springframework.web.bind.annotation.*;
@RestController
public class ClockController {
    private final FormatDao formats;
    public ClockController(FormatDao formats) { this.formats = formats; }
    @GetMapping("/time/{country}") public String now(@PathVariable String country) {
        return formats.dateFormat(country).appendLiteral(" (").appendZoneText(TextStyle.SHORT).appendLiteral(")")
            .toFormatter().format(ZonedDateTime.of(2026, 11, 26, 7, 0, 0, 0, ZoneId.of("UTC")));
    }
}
