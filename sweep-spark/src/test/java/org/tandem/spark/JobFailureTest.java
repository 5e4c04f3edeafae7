package org.tandem.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;

/** A task's failure as the driver gets it from a real local Spark context, and the one line the job prints for it. */
class JobFailureTest {
    @Test
    void aTandemExceptionInATaskIsOneLineSayingARerunContinues() {
        Throwable failure;
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[1]")
                .setAppName("failure").set("spark.ui.enabled", "false"))) {
            failure = catchThrowable(() -> spark.parallelize(List.of(1), 1).map(i -> {
                throw new TandemException("sweep cell protocol=p seed=" + i + ": the model cache is missing");
            }).collect());
        }
        assertThat(JobFailure.isInput(failure)).isTrue();
        assertThat(JobFailure.describe(failure)).isEqualTo("a Spark task failed: sweep cell protocol=p seed=1: the"
                + " model cache is missing; run the job again to continue (completed cells are kept, a cell cut"
                + " short resumes)");
    }

    @Test
    void anyOtherFailureIsAnInternalError() {
        assertThat(JobFailure.isInput(new IllegalStateException("x"))).isFalse();
        assertThat(JobFailure.describe(new IllegalStateException("x\ny"))).isEqualTo("internal error:"
                + " java.lang.IllegalStateException: x");
    }
}
