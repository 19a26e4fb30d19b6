package dev.osprey.media.forward;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SsrcTableTest {

    /** Any sequence of puts and removes leaves the table agreeing with a HashMap. */
    @Property(tries = 200)
    void behavesLikeAMap(@ForAll @Size(max = 60) List<@IntRange(min = -8, max = 8) Integer> keys,
                         @ForAll @Size(max = 60) List<Boolean> removes) {
        SsrcTable<String> table = SsrcTable.empty();
        Map<Integer, String> model = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            int ssrc = keys.get(i) * 0x10001; // spread across buckets, negatives included
            if (i < removes.size() && removes.get(i)) {
                table = table.without(ssrc);
                model.remove(ssrc);
            } else {
                String value = "v" + i; // one instance: withoutValue compares identity, as for receivers
                table = table.with(ssrc, value);
                model.put(ssrc, value);
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        for (int k = -8; k <= 8; k++) {
            assertThat(table.get(k * 0x10001)).isEqualTo(model.get(k * 0x10001));
        }
        String any = model.values().stream().findFirst().orElse(null);
        if (any != null) {
            SsrcTable<String> without = table.withoutValue(any);
            assertThat(without.size()).isEqualTo(model.size() - 1);
        }
    }
}
