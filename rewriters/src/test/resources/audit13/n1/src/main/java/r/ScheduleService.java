package r;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ScheduleService {
    private final LoanDao dao;

    public ScheduleService(LoanDao dao) {
        this.dao = dao;
    }

    /** Monthly due dates from the loan's start date: Calendar.getInstance()'s "now" is overwritten by setTime at once. */
    public List<String> schedule(long loanId, int instalments) {
        Calendar calendar = Calendar.getInstance();
        calendar.setTime(dao.getStartDate(loanId));
        SimpleDateFormat format = new SimpleDateFormat("yyyyMMdd");
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < instalments; i++) {
            dates.add(format.format(calendar.getTime()));
            calendar.add(Calendar.MONTH, 1);
        }
        return dates;
    }

    public void move(long loanId, java.util.Date date) {
        dao.setStartDate(loanId, date);
    }
}
