import java.io.File;
import javax.imageio.ImageIO;

/** Cuts a rectangle out of a PNG, pixel for pixel: java CropFixture.java IN.png X Y WIDTH HEIGHT OUT.png */
public class CropFixture {
    public static void main(String[] args) throws Exception {
        var image = ImageIO.read(new File(args[0]));
        int x = Integer.parseInt(args[1]), y = Integer.parseInt(args[2]);
        int w = Integer.parseInt(args[3]), h = Integer.parseInt(args[4]);
        ImageIO.write(image.getSubimage(x, y, w, h), "png", new File(args[5]));
    }
}
