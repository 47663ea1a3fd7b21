<?xml version="1.0" encoding="UTF-8"?>
<!-- performance-report.xsl: the HTML page for a compiled performance report (board-paper header, report sections and the views csdoc builds from the indicators, notes, glossary). -->
<!--
  One page: the header is the board paper's own (the board, the title,
  who wrote it, what is attached, what the board is asked to do, the
  date) with the link to the PDF; <main> holds the report sections, each
  an h2 with its text and views where the author put them, then the
  Notes and the Abbreviations.
  Everything printed comes from the compiled tree (see common.xsl):
  statuses from @c:status / @c:status-name / @c:colour, reasons from
  @c:reason, figures from each measure's c:derived by @c:role, period
  labels from @c:label, the legend from /*/c:statuses.  The only
  arithmetic here is the geometry of the small series charts, which
  csdoc's chart engine does not draw for a measure's series.
  A status is never colour alone: a badge shows its letter inside a
  shape (circle, diamond, square…, one per colour) and its name in text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:performance-report s:report-header s:periods
      s:indicator-set s:measure s:history s:series s:areas s:area
      s:commentary s:report-section c:derived c:statuses"/>

  <xsl:variable name="draft" select="/s:performance-report/@c:status = 'draft'"/>
  <xsl:variable name="measures" select="/s:performance-report/s:indicator-set/s:measure"/>
  <xsl:variable name="periods" select="/s:performance-report/s:periods"/>
  <xsl:variable name="current-period" select="$periods/s:period[@id = $periods/@current]"/>
  <!-- The commentary of a measure is its anchor (@c:id) in the first
       commentaries view only, so that ids stay unique. -->
  <xsl:variable name="anchor-view" select="(//s:report-section/s:commentaries)[1]"/>

  <!-- "quarter", "month": the word for one period, from periods@per-year. -->
  <xsl:variable name="period-word">
    <xsl:choose>
      <xsl:when test="$periods/@per-year = 1">year</xsl:when>
      <xsl:when test="$periods/@per-year = 2">half-year</xsl:when>
      <xsl:when test="$periods/@per-year = 4 or not($periods/@per-year)">quarter</xsl:when>
      <xsl:when test="$periods/@per-year = 12">month</xsl:when>
      <xsl:when test="$periods/@per-year = 52">week</xsl:when>
      <xsl:otherwise>period</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ page -->

  <xsl:template match="/s:performance-report">
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="@c:lang"/>
      <xsl:with-param name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="@c:body"/>
      </xsl:with-param>
      <xsl:with-param name="body-class">
        <xsl:text>performance-report</xsl:text>
        <xsl:if test="$draft"> draft</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="header">
        <xsl:call-template name="board-paper"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:apply-templates select="s:report-section"/>
        <xsl:apply-templates select="s:footnotes"/>
        <xsl:apply-templates select="s:glossary"/>
      </xsl:with-param>
      <xsl:with-param name="footer">
        <p>
          <xsl:value-of select="@c:body"/>
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@c:title"/>
          <xsl:if test="@c:date-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:date-display"/>
          </xsl:if>
          <xsl:text>. </xsl:text>
          <xsl:if test="$draft">Draft: not yet final. </xsl:if>
          <a href="{$pdf-href}">The PDF of this report</a>
          <xsl:text>.</xsl:text>
          <xsl:if test="@c:generator">
            <xsl:text> Produced with </xsl:text>
            <xsl:value-of select="@c:generator"/>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ sections -->

  <!-- s:heading ranks below its section's h2, or below a commentary's h3. -->
  <xsl:template name="section-rank">
    <xsl:choose>
      <xsl:when test="ancestor::s:commentary">3</xsl:when>
      <xsl:otherwise>2</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The section's id: the author's, else its place among the sections. -->
  <xsl:template name="section-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <!-- from the node, not a name an author could also write -->
      <xsl:otherwise><xsl:value-of select="concat('rs-', generate-id())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A report section: its h2, then its text and views in source order. -->
  <xsl:template match="s:report-section">
    <xsl:variable name="id">
      <xsl:call-template name="section-id"/>
    </xsl:variable>
    <section class="report-section" id="{$id}" aria-labelledby="h-{generate-id()}">
      <h2 id="h-{generate-id()}" class="section-heading"><xsl:apply-templates select="s:title/node()"/></h2>
      <xsl:apply-templates select="*[not(self::s:title)]"/>
    </section>
  </xsl:template>

  <!-- A view's tables share the scrolling region and the caption that
       names it (caption-id: unique, from the view and what it shows). -->
  <xsl:template name="view-table">
    <xsl:param name="class"/>
    <xsl:param name="caption-id"/>
    <xsl:param name="caption"/>
    <xsl:param name="content"/>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$caption-id"/>
      <xsl:with-param name="content">
        <table class="data {$class}">
          <caption id="{$caption-id}"><xsl:copy-of select="$caption"/></caption>
          <xsl:copy-of select="$content"/>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ status badges -->

  <!-- A status: its letter in a shape (the shape and the colour come from
       the colour class), then its name in words.  The letter repeats the
       name, so a screen reader hears the name only.  id: "G"; name:
       "Green"; colour: green, amber, red, grey or blue. -->
  <xsl:template name="badge">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="colour"/>
    <span>
      <xsl:attribute name="class">
        <xsl:text>rag rag-</xsl:text>
        <xsl:choose>
          <xsl:when test="string($colour) != ''"><xsl:value-of select="$colour"/></xsl:when>
          <xsl:otherwise>none</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="string-length($id) &gt; 1"> rag-long</xsl:if>
      </xsl:attribute>
      <span class="rag-mark" aria-hidden="true"><xsl:value-of select="$id"/></span>
      <xsl:text> </xsl:text>
      <span class="rag-name">
        <xsl:choose>
          <xsl:when test="string($name) != ''"><xsl:value-of select="$name"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
        </xsl:choose>
      </span>
    </span>
  </xsl:template>

  <!-- The badge of a measure's current status (the context is the measure). -->
  <xsl:template name="measure-badge">
    <xsl:call-template name="badge">
      <xsl:with-param name="id" select="@c:status"/>
      <xsl:with-param name="name" select="@c:status-name"/>
      <xsl:with-param name="colour" select="@c:colour"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An empty cell that says so: a dash to the eye, words to the ear. -->
  <xsl:template name="no-value">
    <xsl:param name="words" select="'no figure'"/>
    <span class="none" aria-hidden="true">–</span>
    <span class="visually-hidden"><xsl:value-of select="$words"/></span>
  </xsl:template>

  <!-- ============================================================ direction of travel -->

  <!-- "↑ Better than last quarter": the arrow for the eye, the words for
       everyone.  travel: better, worse or same; against: previous or
       last-year. -->
  <xsl:template name="travel">
    <xsl:param name="travel"/>
    <xsl:param name="against" select="'previous'"/>
    <xsl:param name="short" select="false()"/>
    <span class="travel travel-{$travel}">
      <span class="travel-arrow" aria-hidden="true">
        <xsl:choose>
          <xsl:when test="$travel = 'better'">↑</xsl:when>
          <xsl:when test="$travel = 'worse'">↓</xsl:when>
          <xsl:otherwise>→</xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$travel = 'better'">Better</xsl:when>
        <xsl:when test="$travel = 'worse'">Worse</xsl:when>
        <xsl:when test="$travel = 'same'">The same</xsl:when>
        <xsl:otherwise><xsl:value-of select="$travel"/></xsl:otherwise>
      </xsl:choose>
      <!-- in a column headed "since last quarter" the rest is for the ear -->
      <span>
        <xsl:if test="$short">
          <xsl:attribute name="class">visually-hidden</xsl:attribute>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$travel = 'same'"> as </xsl:when>
          <xsl:otherwise> than </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="travel-against">
          <xsl:with-param name="against" select="$against"/>
        </xsl:call-template>
      </span>
    </span>
  </xsl:template>

  <!-- "last quarter", "the same quarter last year". -->
  <xsl:template name="travel-against">
    <xsl:param name="against"/>
    <xsl:choose>
      <xsl:when test="$against = 'last-year' and $period-word != 'year'">
        <xsl:text>the same </xsl:text>
        <xsl:value-of select="$period-word"/>
        <xsl:text> last year</xsl:text>
      </xsl:when>
      <xsl:when test="$period-word = 'period'">the previous period</xsl:when>
      <xsl:otherwise>
        <xsl:text>last </xsl:text>
        <xsl:value-of select="$period-word"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ overview -->

  <!-- Code | Description | Status, one row per indicator. -->
  <xsl:template match="s:overview">
    <xsl:call-template name="view-table">
      <xsl:with-param name="class">borders-rows overview</xsl:with-param>
      <xsl:with-param name="caption-id" select="concat('cap-', generate-id())"/>
      <xsl:with-param name="caption">
        <xsl:text>Status of each indicator</xsl:text>
        <xsl:if test="$current-period">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="$current-period/@c:label"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Description</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$measures">
            <tr>
              <th scope="row" class="nowrap">
                <xsl:choose>
                  <!-- the code leads to the indicator's commentary -->
                  <xsl:when test="s:commentary and $anchor-view">
                    <a href="#{@c:id}"><xsl:value-of select="@code"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@code"/></xsl:otherwise>
                </xsl:choose>
              </th>
              <td><xsl:apply-templates select="s:description/node()"/></td>
              <td class="nowrap">
                <xsl:call-template name="measure-badge"/>
                <!-- where the original typed another status, say so beside csdoc's -->
                <xsl:if test="@c:reported">
                  <span class="reported">
                    <xsl:text> (reported as </xsl:text>
                    <xsl:value-of select="@c:reported-name"/>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ status legend -->

  <!-- Each status of the policy: its badge, what it means, and how many
       indicators have it now. -->
  <xsl:template match="s:status-legend">
    <xsl:call-template name="view-table">
      <xsl:with-param name="class">borders-rows status-legend</xsl:with-param>
      <xsl:with-param name="caption-id" select="concat('cap-', generate-id())"/>
      <xsl:with-param name="caption">What each status means</xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Meaning</th>
            <th scope="col" class="num">Indicators</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/s:performance-report/c:statuses/c:status">
            <tr>
              <th scope="row" class="nowrap">
                <xsl:call-template name="badge">
                  <xsl:with-param name="id" select="@c:id"/>
                  <xsl:with-param name="name" select="@c:name"/>
                  <xsl:with-param name="colour" select="@c:colour"/>
                </xsl:call-template>
              </th>
              <td><xsl:value-of select="@c:meaning"/></td>
              <td class="num"><xsl:value-of select="@c:count"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ breakdown -->

  <!-- Indicator | Actual | Target | Difference from target | Performance |
       Polarity (| Since last quarter), then the polarity legend made from
       the polarities the table shows, and a note on any typed figure
       csdoc disagrees with. -->
  <xsl:template match="s:breakdown">
    <xsl:variable name="travel" select="$measures[@c:travel-previous]"/>
    <xsl:variable name="figures" select="$measures/c:derived/s:figure"/>
    <xsl:call-template name="view-table">
      <xsl:with-param name="class">borders-rows breakdown</xsl:with-param>
      <xsl:with-param name="caption-id" select="concat('cap-', generate-id())"/>
      <xsl:with-param name="caption">
        <xsl:text>Actual and target for each indicator</xsl:text>
        <xsl:if test="$current-period">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="$current-period/@c:label"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col" class="num">Actual</th>
            <th scope="col" class="num">Target</th>
            <th scope="col" class="num">Difference from target</th>
            <th scope="col" class="num">Performance</th>
            <th scope="col" class="polarity">Polarity</th>
            <xsl:if test="$travel">
              <th scope="col">
                <xsl:text>Since </xsl:text>
                <xsl:call-template name="travel-against">
                  <xsl:with-param name="against" select="'previous'"/>
                </xsl:call-template>
              </th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$measures">
            <xsl:variable name="d" select="c:derived/s:figure"/>
            <tr>
              <th scope="row" class="nowrap"><xsl:value-of select="@code"/></th>
              <xsl:call-template name="figure-cell">
                <xsl:with-param name="f" select="$d[@c:role = 'actual']"/>
                <xsl:with-param name="typed" select="$d[@c:role = 'actual-typed']"/>
              </xsl:call-template>
              <xsl:call-template name="figure-cell">
                <xsl:with-param name="f" select="$d[@c:role = 'target']"/>
              </xsl:call-template>
              <xsl:call-template name="figure-cell">
                <xsl:with-param name="f" select="$d[@c:role = 'difference']"/>
              </xsl:call-template>
              <xsl:call-template name="figure-cell">
                <xsl:with-param name="f" select="$d[@c:role = 'performance']"/>
              </xsl:call-template>
              <td class="polarity">
                <span aria-hidden="true"><xsl:value-of select="@c:polarity-symbol"/></span>
                <span class="visually-hidden"><xsl:value-of select="@c:polarity-words"/></span>
              </td>
              <xsl:if test="$travel">
                <td class="nowrap">
                  <xsl:choose>
                    <xsl:when test="@c:travel-previous">
                      <xsl:call-template name="travel">
                        <xsl:with-param name="travel" select="@c:travel-previous"/>
                        <xsl:with-param name="short" select="true()"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="no-value">
                        <xsl:with-param name="words" select="'not known'"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
    <div class="table-notes">
      <!-- one entry per polarity shown, ▲ (higher) before ▼ (lower) -->
      <ul class="polarity-legend" aria-label="Polarity">
        <!-- the first of each polarity: two lookups, not a scan per measure -->
        <xsl:for-each select="$measures[@polarity = 'higher'][1] | $measures[@polarity = 'lower'][1]">
          <xsl:sort select="@polarity"/>
          <li>
            <span class="polarity-symbol" aria-hidden="true"><xsl:value-of select="@c:polarity-symbol"/></span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="capitalise">
              <xsl:with-param name="s" select="@c:polarity-words"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
      <p>Difference from target and performance (the difference as a percentage of the target) are positive when an indicator is worse than its target and negative when it is better, whichever way is better.</p>
      <xsl:if test="$figures[@c:check = 'mismatch']">
        <p class="mismatch-key">
          <span class="mismatch-mark" aria-hidden="true">⚠</span>
          <xsl:text> The original report’s figure and csdoc’s calculation disagree: the note under the figure gives the other one.</xsl:text>
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- One figure in a numeric cell: csdoc's display, and where the two
       disagree, a mark and the other figure: csdoc's, under a stated
       figure printed as the author typed it; the author's (typed, a
       figure of its own such as ID.actual-typed), under one csdoc
       computed in its place. -->
  <xsl:template name="figure-cell">
    <xsl:param name="f"/>
    <xsl:param name="typed" select="/.."/>
    <td>
      <xsl:attribute name="class">
        <xsl:text>num</xsl:text>
        <xsl:if test="$f/@c:check = 'mismatch' or $typed/@c:check = 'mismatch'"> mismatch</xsl:if>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$f">
          <xsl:apply-templates select="$f"/>
          <xsl:if test="$f/@c:check = 'mismatch'">
            <span class="mismatch-note">
              <span class="mismatch-mark" aria-hidden="true">⚠</span>
              <xsl:text> csdoc computes&#160;</xsl:text>
              <data value="{$f/@c:computed}"><xsl:value-of select="$f/@c:computed-display"/></data>
            </span>
          </xsl:if>
          <xsl:if test="$typed/@c:check = 'mismatch'">
            <span class="mismatch-note">
              <span class="mismatch-mark" aria-hidden="true">⚠</span>
              <xsl:text> the report gives&#160;</xsl:text>
              <xsl:apply-templates select="$typed"/>
            </span>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="no-value"/>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <!-- "lower is better" → "Lower is better". -->
  <xsl:template name="capitalise">
    <xsl:param name="s"/>
    <xsl:value-of select="translate(substring($s, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    <xsl:value-of select="substring($s, 2)"/>
  </xsl:template>

  <!-- ============================================================ status history -->

  <!-- One row per indicator, one column per period: the last @count
       periods up to the current one.  Earlier statuses are the history's
       (as reported then); the current one is the measure's own. -->
  <xsl:template match="s:status-history">
    <xsl:variable name="count">
      <xsl:choose>
        <xsl:when test="@count"><xsl:value-of select="@count"/></xsl:when>
        <xsl:otherwise>4</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="at" select="count($current-period/preceding-sibling::s:period) + 1"/>
    <xsl:variable name="shown" select="$periods/s:period[position() &gt; $at - $count and position() &lt;= $at]"/>
    <xsl:call-template name="view-table">
      <xsl:with-param name="class">borders-grid status-history</xsl:with-param>
      <xsl:with-param name="caption-id" select="concat('cap-', generate-id())"/>
      <xsl:with-param name="caption">
        <xsl:text>Status of each indicator, </xsl:text>
        <xsl:value-of select="$shown[1]/@c:label"/>
        <xsl:if test="count($shown) &gt; 1">
          <xsl:text> to </xsl:text>
          <xsl:value-of select="$current-period/@c:label"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <xsl:for-each select="$shown">
              <th scope="col">
                <xsl:value-of select="@c:label"/>
                <xsl:if test="@id = $periods/@current">
                  <span class="period-note"> (current)</span>
                </xsl:if>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$measures">
            <xsl:variable name="m" select="."/>
            <tr>
              <th scope="row" class="nowrap"><xsl:value-of select="@code"/></th>
              <xsl:for-each select="$shown">
                <xsl:variable name="was" select="$m/s:history/s:was[@period = current()/@id]"/>
                <td class="nowrap">
                  <xsl:choose>
                    <xsl:when test="@id = $periods/@current">
                      <xsl:for-each select="$m">
                        <xsl:call-template name="measure-badge"/>
                      </xsl:for-each>
                    </xsl:when>
                    <xsl:when test="$was">
                      <xsl:call-template name="badge">
                        <xsl:with-param name="id" select="$was/@status"/>
                        <xsl:with-param name="name" select="$was/@c:status-name"/>
                        <xsl:with-param name="colour" select="$was/@c:colour"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="no-value">
                        <xsl:with-param name="words" select="'no status recorded'"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ series charts -->

  <!-- For each indicator with a series: a small bar chart of its values
       with the target drawn as a dashed line, then the same figures as a
       table, so the numbers are always there as text. -->
  <xsl:template match="s:series-charts">
    <xsl:variable name="view" select="generate-id()"/>
    <xsl:for-each select="$measures[s:series]">
      <xsl:variable name="id" select="concat($view, '-', @c:id)"/>
      <xsl:variable name="values" select="c:derived/s:figure[@c:role = 'series']"/>
      <xsl:variable name="target" select="c:derived/s:figure[@c:role = 'target']"/>
      <xsl:variable name="name">
        <xsl:value-of select="@code"/>
        <xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="s:series/@caption"><xsl:value-of select="s:series/@caption"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="s:description/node()" mode="flat"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <figure class="chart series-chart">
        <figcaption id="{$id}-caption"><xsl:value-of select="$name"/></figcaption>
        <xsl:if test="$values">
          <xsl:call-template name="series-svg">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="values" select="$values"/>
            <xsl:with-param name="target" select="$target"/>
          </xsl:call-template>
          <p class="chart-key">
            <span class="key-bar" aria-hidden="true"></span>
            <xsl:text> Value</xsl:text>
            <xsl:if test="$target">
              <xsl:text>  </xsl:text>
              <span class="key-target" aria-hidden="true"></span>
              <xsl:text> Target: </xsl:text>
              <xsl:value-of select="$target/@c:display"/>
            </xsl:if>
          </p>
        </xsl:if>
        <xsl:call-template name="view-table">
          <xsl:with-param name="class">borders-rows series-data</xsl:with-param>
          <xsl:with-param name="caption-id" select="concat($id, '-data')"/>
          <xsl:with-param name="caption">
            <xsl:text>Figures for </xsl:text>
            <xsl:value-of select="$name"/>
          </xsl:with-param>
          <xsl:with-param name="content">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" class="num">Value</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$values">
                <tr>
                  <th scope="row"><xsl:value-of select="@c:label"/></th>
                  <td class="num"><xsl:apply-templates select="."/></td>
                </tr>
              </xsl:for-each>
            </tbody>
            <xsl:if test="$target">
              <tfoot>
                <tr>
                  <th scope="row">Target</th>
                  <td class="num"><xsl:apply-templates select="$target"/></td>
                </tr>
              </tfoot>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </figure>
    </xsl:for-each>
  </xsl:template>

  <!-- A figure's exact value (c:value, "1367/3" or "449") as a number. -->
  <xsl:template name="value-number">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="contains($v, '/')">
        <xsl:value-of select="number(substring-before($v, '/')) div number(substring-after($v, '/'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="number($v)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The bars, on a scale from 0 to the largest of the values and the
       target, the target as a dashed line across them.  Values are
       labelled over their bars, and the periods under them (every few
       when there are many).  Drawn in a 480 × 240 box. -->
  <xsl:template name="series-svg">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="values"/>
    <xsl:param name="target"/>
    <xsl:variable name="n" select="count($values)"/>
    <xsl:variable name="max">
      <xsl:for-each select="$values | $target">
        <!-- the exact value, whole ("449") or a fraction ("1367/3") -->
        <xsl:sort data-type="number" order="descending"
            select="number(substring-before(concat(@c:value, '/'), '/'))
                    div number(concat(substring-after(@c:value, '/'), substring('1', 1 + contains(@c:value, '/'))))"/>
        <xsl:if test="position() = 1">
          <xsl:call-template name="value-number">
            <xsl:with-param name="v" select="@c:value"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="left" select="8"/>
    <xsl:variable name="width" select="464"/>
    <xsl:variable name="base" select="208"/>
    <xsl:variable name="height" select="180"/>
    <xsl:variable name="band" select="$width div $n"/>
    <xsl:variable name="bar">
      <xsl:choose>
        <xsl:when test="$band * 0.6 &gt; 64">64</xsl:when>
        <xsl:otherwise><xsl:value-of select="$band * 0.6"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="step" select="ceiling($n div 12)"/>
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 240" width="480" height="240"
        role="img" aria-labelledby="{$id}-title" class="series-svg"
        font-family="'Liberation Sans', Arial, Helvetica, sans-serif">
      <title id="{$id}-title">
        <xsl:text>Bar chart of </xsl:text>
        <xsl:value-of select="$name"/>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$values">
          <xsl:if test="position() != 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="@c:label"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@c:display"/>
        </xsl:for-each>
        <xsl:if test="$target">
          <xsl:text>; target </xsl:text>
          <xsl:value-of select="$target/@c:display"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </title>
      <xsl:for-each select="$values">
        <xsl:variable name="v">
          <xsl:call-template name="value-number">
            <xsl:with-param name="v" select="@c:value"/>
          </xsl:call-template>
        </xsl:variable>
        <!-- a bar for a positive value only: the scale starts at 0 -->
        <xsl:variable name="h">
          <xsl:choose>
            <xsl:when test="$max &gt; 0 and $v &gt; 0"><xsl:value-of select="$v div $max * $height"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="x" select="$left + (position() - 1) * $band + ($band - $bar) div 2"/>
        <xsl:variable name="mid" select="$left + (position() - 0.5) * $band"/>
        <rect x="{format-number($x, '0.##')}" y="{format-number($base - $h, '0.##')}"
            width="{format-number($bar, '0.##')}" height="{format-number($h, '0.##')}" fill="#1f5f8b"/>
        <xsl:if test="$n &lt;= 12">
          <!-- a white halo keeps the number clear of the target line -->
          <text x="{format-number($mid, '0.##')}" y="{format-number($base - $h - 5, '0.##')}"
              font-size="12" text-anchor="middle" fill="#1b1b1b"
              stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"><xsl:value-of select="@c:display"/></text>
        </xsl:if>
        <xsl:if test="(position() - 1) mod $step = 0">
          <text x="{format-number($mid, '0.##')}" y="{$base + 18}"
              font-size="12" text-anchor="middle" fill="#1b1b1b"><xsl:value-of select="@c:label"/></text>
        </xsl:if>
      </xsl:for-each>
      <line x1="{$left}" y1="{$base}" x2="{$left + $width}" y2="{$base}" stroke="#4b5358" stroke-width="1"/>
      <xsl:if test="$target and $max &gt; 0">
        <xsl:variable name="t">
          <xsl:call-template name="value-number">
            <xsl:with-param name="v" select="$target/@c:value"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$t &gt;= 0">
          <line x1="{$left}" x2="{$left + $width}" stroke="#a4111d" stroke-width="2" stroke-dasharray="8 4"
              y1="{format-number($base - $t div $max * $height, '0.##')}"
              y2="{format-number($base - $t div $max * $height, '0.##')}"/>
        </xsl:if>
      </xsl:if>
    </svg>
  </xsl:template>

  <!-- ============================================================ commentaries -->

  <!-- Every indicator with a commentary: "NI 16 – Serious acquisitive
       crime rate", its status and why, the direction of travel, the
       commentary, and its areas' statuses. -->
  <xsl:template match="s:commentaries">
    <xsl:variable name="view" select="generate-id()"/>
    <xsl:variable name="anchors" select="$view = generate-id($anchor-view)"/>
    <xsl:for-each select="$measures[s:commentary]">
      <xsl:variable name="id">
        <xsl:choose>
          <xsl:when test="$anchors"><xsl:value-of select="@c:id"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($view, '-', @c:id)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <section class="commentary" id="{$id}" aria-labelledby="h-{generate-id()}">
        <h3 id="h-{generate-id()}">
          <span class="code"><xsl:value-of select="@code"/></span>
          <xsl:text> – </xsl:text>
          <xsl:apply-templates select="s:description/node()"/>
        </h3>
        <dl class="measure-status">
          <div>
            <dt>Status</dt>
            <dd><xsl:call-template name="measure-badge"/></dd>
          </div>
          <xsl:if test="@c:reason">
            <div>
              <dt>Reason</dt>
              <dd><xsl:value-of select="@c:reason"/></dd>
            </div>
          </xsl:if>
          <xsl:if test="@c:travel-previous or @c:travel-last-year">
            <div>
              <dt>Direction of travel</dt>
              <dd>
                <xsl:if test="@c:travel-previous">
                  <xsl:call-template name="travel">
                    <xsl:with-param name="travel" select="@c:travel-previous"/>
                  </xsl:call-template>
                </xsl:if>
                <xsl:if test="@c:travel-previous and @c:travel-last-year">; </xsl:if>
                <xsl:if test="@c:travel-last-year">
                  <xsl:call-template name="travel">
                    <xsl:with-param name="travel" select="@c:travel-last-year"/>
                    <xsl:with-param name="against" select="'last-year'"/>
                  </xsl:call-template>
                </xsl:if>
              </dd>
            </div>
          </xsl:if>
        </dl>
        <xsl:apply-templates select="s:commentary/*"/>
        <xsl:apply-templates select="s:areas">
          <xsl:with-param name="id" select="$id"/>
        </xsl:apply-templates>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- Area | Status | Reason, for an indicator measured by district. -->
  <xsl:template match="s:areas">
    <xsl:param name="id"/>
    <xsl:call-template name="view-table">
      <xsl:with-param name="class">borders-rows areas</xsl:with-param>
      <xsl:with-param name="caption-id" select="concat($id, '-areas')"/>
      <xsl:with-param name="caption">
        <xsl:value-of select="../@code"/>
        <xsl:text> by area</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="s:area">
            <tr>
              <th scope="row"><xsl:value-of select="@name"/></th>
              <td class="nowrap"><xsl:call-template name="measure-badge"/></td>
              <td><xsl:value-of select="@c:reason"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
