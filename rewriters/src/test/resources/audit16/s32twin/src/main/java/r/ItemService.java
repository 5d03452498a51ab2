package r;

import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ItemService {
    private final BookingRepository bookingRepository;

    public ItemService(BookingRepository bookingRepository) {
        this.bookingRepository = bookingRepository;
    }

    public BookingDto lastBooking(Long itemId) {
        Booking last = bookingRepository.findLast(itemId, LocalDateTime.now());
        return last == null ? null : new BookingDto(last.getId(), last.getBookerId());
    }
}
