package app.research;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** The ranking source did not answer usably; the tracker keeps its last ranking and shows the failure. */
class RankingUnavailable extends ProblemException {

    RankingUnavailable(String detail) {
        super(HttpStatus.BAD_GATEWAY, ProblemTypes.of("ranking-unavailable"), "Ranking unavailable", detail);
    }
}
