<?xml version="1.0" encoding="UTF-8"?>
<!-- performance-report.xsl: maps a compiled performance report to the print vocabulary (header block, overview, status legend, numerical breakdown, status history, series charts, commentaries, glossary). -->
<!--
  One A4 portrait master: board | title above, DRAFT on a draft | "Page N
  of M" below.  One flow: the board paper's header block (the board, then
  Title, Report written by, Attached, Action and the meeting's date as a
  two-column table), then each report-section as a level-1 heading with
  its text and its views where they stand, then the abbreviations.

  Statuses are never shown by colour alone: a badge is a table cell shaded
  in the status's colour holding its letter in bold (and its name where
  there is room); the fills are light enough that black text on them has
  a contrast of at least 12:1 (see status-fill).  Every figure printed is
  csdoc's display form (c:display); a stated figure that csdoc found wrong
  keeps what the report typed, with a letter that points to a note under
  the table giving what csdoc computes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:performance-report s:report-header s:periods
      s:indicator-set s:measure s:history s:series s:areas s:area
      s:commentary s:report-section s:footnotes c:derived c:statuses"/>

  <xsl:variable name="draft" select="/s:performance-report/@c:status = 'draft'"/>
  <xsl:variable name="measures" select="/s:performance-report/s:indicator-set/s:measure"/>
  <!-- The accent of the header block and the header rows: the Agreement's
       dark blue (white on it 8.7:1). -->
  <xsl:variable name="accent" select="'#1f4e79'"/>
  <xsl:variable name="draft-colour" select="'#a4111d'"/>
  <!-- The label column of the header block: a pale blue-grey. -->
  <xsl:variable name="label-shade" select="'#dfe7ef'"/>
  <!-- Tables (common.xsl): as the Agreement sets them. -->
  <xsl:variable name="cell-size" select="'9.5'"/>
  <xsl:variable name="header-shade" select="$accent"/>
  <xsl:variable name="header-colour" select="'#ffffff'"/>
  <xsl:variable name="inner-bullet" select="'–'"/>
  <!-- Notes under a table. -->
  <xsl:variable name="note-size" select="'8.5'"/>
  <!-- Charts: chart.c's first series colour, target colour and ink. -->
  <xsl:variable name="bar-fill" select="'#1f5f8b'"/>
  <xsl:variable name="target-stroke" select="'#d95f02'"/>
  <xsl:variable name="ink" select="'#333333'"/>
  <!-- The marks of notes under a table: a, b, c… -->
  <xsl:variable name="letters" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <!-- "quarter" where a year has four periods, "month" for twelve. -->
  <xsl:variable name="period-word">
    <xsl:variable name="n" select="/s:performance-report/s:periods/@per-year"/>
    <xsl:choose>
      <xsl:when test="not($n) or $n = 4">quarter</xsl:when>
      <xsl:when test="$n = 12">month</xsl:when>
      <xsl:when test="$n = 1">year</xsl:when>
      <xsl:when test="$n = 52 or $n = 53">week</xsl:when>
      <xsl:otherwise>period</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:key name="status" match="c:statuses/c:status" use="@c:id"/>

  <!-- A view's table and the notes under it go on one page ('yes') when
       the indicators are few enough for it to fit. -->
  <xsl:variable name="keep">
    <xsl:choose>
      <xsl:when test="count($measures) &lt;= 20">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ document -->

  <xsl:template match="/s:performance-report">
    <xsl:variable name="h" select="s:report-header"/>
    <document subject="Performance report" author="{@c:body}">
      <xsl:attribute name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
      </xsl:attribute>
      <xsl:if test="$h/s:date">
        <xsl:attribute name="date"><xsl:value-of select="$h/s:date"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="@c:lang"><xsl:value-of select="@c:lang"/></xsl:when>
          <xsl:otherwise>en-GB</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$draft">
        <xsl:attribute name="watermark">DRAFT</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="page-master">
        <xsl:with-param name="header-left"><xsl:value-of select="@c:body"/></xsl:with-param>
        <xsl:with-param name="header-right"><xsl:value-of select="@c:title"/></xsl:with-param>
        <xsl:with-param name="footer-left">
          <xsl:if test="$draft">DRAFT</xsl:if>
        </xsl:with-param>
        <xsl:with-param name="footer-right">
          <xsl:text>Page </xsl:text>
          <page-number/>
          <xsl:text> of </xsl:text>
          <page-count/>
        </xsl:with-param>
      </xsl:call-template>
      <flow master="page">
        <xsl:apply-templates select="s:report-header"/>
        <xsl:apply-templates select="s:report-section"/>
        <xsl:apply-templates select="s:glossary[s:term]"/>
      </flow>
    </document>
  </xsl:template>

  <!-- ============================================================ sections -->

  <!-- A section: a level-1 heading, then its text and views in order.
       Sections run on (a board paper is read straight through); the
       typesetter keeps a heading with what follows it.  No rule under the
       heading: the typesetter keeps a heading with the rule after it but
       not the rule with what follows (rule@keep-with-next is not
       honoured), so a heading could be left at a page's foot. -->
  <xsl:template match="s:report-section">
    <heading level="1" size="15" space-before="20" space-after="8">
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates select="s:title/node()"/>
    </heading>
    <xsl:for-each select="s:title">
      <xsl:call-template name="symbol-notes"/>
    </xsl:for-each>
    <xsl:apply-templates select="*[not(self::s:title)]" mode="block"/>
  </xsl:template>

  <!-- s:heading is one level below the section, or below an indicator's
       heading in its commentary. -->
  <xsl:template name="section-rank">
    <xsl:choose>
      <xsl:when test="ancestor::s:commentary">2</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'y' when this stylesheet gives a block the id ID: sections, the
       blocks common.xsl anchors, and indicators where the commentaries
       print them. -->
  <xsl:template name="has-target">
    <xsl:param name="id"/>
    <xsl:if test="//s:report-section[@id = $id]
        | //s:p[@id = $id] | //s:table[@id = $id] | //s:ul[@id = $id]
        | //s:ol[@id = $id] | //s:heading[@id = $id] | //s:quote[@id = $id]
        | //s:chart[@id = $id] | //s:placeholder[@id = $id]
        | //s:footnote[@id = $id][@c:cited = 'yes']
        | $measures[@c:id = $id][//s:commentaries]">y</xsl:if>
  </xsl:template>

  <!-- ============================================================ badges -->

  <!-- The fill of a status of colour COLOUR: light tints that print on
       any printer, black text on each at least 12:1 (relative luminance
       0.57 or more; the red, the darkest, 12.6:1). -->
  <xsl:template name="status-fill">
    <xsl:param name="colour"/>
    <xsl:choose>
      <xsl:when test="$colour = 'green'">#b9e2b5</xsl:when>
      <xsl:when test="$colour = 'amber'">#ffd98c</xsl:when>
      <xsl:when test="$colour = 'red'">#f7b9b4</xsl:when>
      <xsl:when test="$colour = 'blue'">#bcd6f0</xsl:when>
      <xsl:otherwise>#d9d9d9</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The edge of a status banner: a darker shade of the fill. -->
  <xsl:template name="status-edge">
    <xsl:param name="colour"/>
    <xsl:choose>
      <xsl:when test="$colour = 'green'">#3d7a37</xsl:when>
      <xsl:when test="$colour = 'amber'">#a86f00</xsl:when>
      <xsl:when test="$colour = 'red'">#a8322a</xsl:when>
      <xsl:when test="$colour = 'blue'">#2f5f96</xsl:when>
      <xsl:otherwise>#707070</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A badge: a cell shaded in the status's colour holding its letter
       (ID) in bold, with NAME after it when given, and under it TRAVEL
       ("better", "worse", "same") as words against the last period. -->
  <xsl:template name="badge-cell">
    <xsl:param name="id"/>
    <xsl:param name="colour"/>
    <xsl:param name="name"/>
    <xsl:param name="travel"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:param name="mark"/>
    <cell align="{$align}">
      <xsl:attribute name="shade">
        <xsl:call-template name="status-fill">
          <xsl:with-param name="colour" select="$colour"/>
        </xsl:call-template>
      </xsl:attribute>
      <para size="{$cell-size}">
        <b><xsl:value-of select="$id"/></b>
        <xsl:if test="$name != ''">
          <xsl:text>  </xsl:text>
          <xsl:value-of select="$name"/>
        </xsl:if>
        <xsl:if test="$mark != ''"><sup><xsl:value-of select="$mark"/></sup></xsl:if>
      </para>
      <xsl:if test="$travel != ''">
        <para size="8">
          <xsl:call-template name="travel-words">
            <xsl:with-param name="travel" select="$travel"/>
          </xsl:call-template>
        </para>
      </xsl:if>
    </cell>
  </xsl:template>

  <!-- "better than last quarter", "worse than last quarter", "the same as
       last quarter". -->
  <xsl:template name="travel-words">
    <xsl:param name="travel"/>
    <xsl:choose>
      <xsl:when test="$travel = 'same'">the same as</xsl:when>
      <xsl:otherwise><xsl:value-of select="$travel"/> than</xsl:otherwise>
    </xsl:choose>
    <xsl:text> last </xsl:text>
    <xsl:value-of select="$period-word"/>
  </xsl:template>

  <!-- The context measure's status as a badge. -->
  <xsl:template name="measure-badge">
    <xsl:param name="travel" select="'yes'"/>
    <xsl:param name="mark"/>
    <xsl:call-template name="badge-cell">
      <xsl:with-param name="id" select="@c:status"/>
      <xsl:with-param name="colour" select="@c:colour"/>
      <xsl:with-param name="name" select="@c:status-name"/>
      <xsl:with-param name="mark" select="$mark"/>
      <xsl:with-param name="travel">
        <xsl:if test="$travel = 'yes'"><xsl:value-of select="@c:travel-previous"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The words of a reason after its status's name ("Amber: 3.5% off
       target" → "3.5% off target"), for where the name is printed already. -->
  <xsl:template name="reason-rest">
    <xsl:param name="reason" select="@c:reason"/>
    <xsl:param name="name" select="@c:status-name"/>
    <xsl:choose>
      <xsl:when test="starts-with($reason, concat($name, ': '))">
        <xsl:value-of select="substring-after($reason, ': ')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$reason"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A plain body cell of TEXT at the table size (ALIGN, HEADER 'row'). -->
  <xsl:template name="data-cell">
    <xsl:param name="text"/>
    <xsl:param name="align"/>
    <xsl:param name="header"/>
    <cell>
      <xsl:if test="$align != ''">
        <xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$header = 'row'">
        <xsl:attribute name="header">yes</xsl:attribute>
        <xsl:attribute name="scope">row</xsl:attribute>
      </xsl:if>
      <xsl:if test="normalize-space($text) != ''">
        <para size="{$cell-size}"><xsl:copy-of select="$text"/></para>
      </xsl:if>
    </cell>
  </xsl:template>

  <!-- A header row of NAMES separated by '|'; a name after '>' is
       right-aligned, after '^' centred. -->
  <xsl:template name="header-row">
    <xsl:param name="names"/>
    <row header="yes">
      <xsl:call-template name="header-row-shade"/>
      <xsl:call-template name="header-cells">
        <xsl:with-param name="names" select="$names"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <xsl:template name="header-cells">
    <xsl:param name="names"/>
    <xsl:variable name="raw">
      <xsl:choose>
        <xsl:when test="contains($names, '|')"><xsl:value-of select="substring-before($names, '|')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$names"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <cell>
      <xsl:choose>
        <xsl:when test="starts-with($raw, '&gt;')"><xsl:attribute name="align">right</xsl:attribute></xsl:when>
        <xsl:when test="starts-with($raw, '^')"><xsl:attribute name="align">center</xsl:attribute></xsl:when>
      </xsl:choose>
      <para>
        <xsl:call-template name="header-text"/>
        <xsl:value-of select="translate($raw, '&gt;^', '')"/>
      </para>
    </cell>
    <xsl:if test="contains($names, '|')">
      <xsl:call-template name="header-cells">
        <xsl:with-param name="names" select="substring-after($names, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The mark of the Nth note under a table: a … z, then a2 … z2 … -->
  <xsl:template name="note-mark">
    <xsl:param name="n"/>
    <xsl:value-of select="substring($letters, ($n - 1) mod 26 + 1, 1)"/>
    <xsl:if test="$n &gt; 26"><xsl:value-of select="floor(($n - 1) div 26) + 1"/></xsl:if>
  </xsl:template>

  <!-- A note under a table, in small type, with its MARK hanging. -->
  <xsl:template name="table-note">
    <xsl:param name="mark"/>
    <xsl:param name="text"/>
    <para size="{$note-size}" space-before="0" space-after="2">
      <xsl:if test="$mark != ''">
        <sup><xsl:value-of select="$mark"/></sup>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:copy-of select="$text"/>
    </para>
  </xsl:template>

  <!-- ============================================================ overview -->

  <!-- Code | Description | Status, the status a badge with the direction
       of travel.  A status the report typed that the policy does not give
       is marked, and a note under the table says so. -->
  <xsl:template match="s:overview">
    <xsl:variable name="wrong" select="$measures[s:stated/@status and s:stated/@status != @c:status]"/>
    <box space-before="4" space-after="10" keep-together="{$keep}">
      <table borders="grid" widths="11 62 27" space-before="4" space-after="4"
          summary="Each indicator's code, description and status this {$period-word}">
        <xsl:call-template name="header-row">
          <xsl:with-param name="names" select="'Code|Description|Status'"/>
        </xsl:call-template>
        <xsl:for-each select="$measures">
          <row>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@code)"/>
              <xsl:with-param name="header" select="'row'"/>
            </xsl:call-template>
            <cell>
              <para size="{$cell-size}"><xsl:apply-templates select="s:description/node()"/></para>
            </cell>
            <xsl:call-template name="measure-badge">
              <xsl:with-param name="mark">
                <xsl:if test="s:stated/@status and s:stated/@status != @c:status">
                  <xsl:call-template name="note-mark">
                    <xsl:with-param name="n" select="count(preceding-sibling::s:measure[s:stated/@status and s:stated/@status != @c:status]) + 1"/>
                  </xsl:call-template>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </row>
        </xsl:for-each>
      </table>
      <xsl:for-each select="$wrong">
        <xsl:call-template name="table-note">
          <xsl:with-param name="mark">
            <xsl:call-template name="note-mark">
              <xsl:with-param name="n" select="position()"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:value-of select="@code"/>
            <xsl:text>: the report states </xsl:text>
            <xsl:value-of select="s:stated/@status"/>
            <xsl:for-each select="key('status', current()/s:stated/@status)">
              <xsl:text> (</xsl:text>
              <xsl:value-of select="@c:name"/>
              <xsl:text>)</xsl:text>
            </xsl:for-each>
            <xsl:text>; by the status policy it is </xsl:text>
            <xsl:value-of select="@c:status"/>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@c:status-name"/>
            <xsl:text>).</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </box>
  </xsl:template>

  <!-- ============================================================ legend -->

  <!-- Each status of the policy: its badge, its name, what it means and
       how many indicators have it. -->
  <xsl:template match="s:status-legend">
    <box keep-together="yes" space-before="4" space-after="10">
      <table borders="rows" widths="10 16 60 14" space-before="0" space-after="0"
          summary="What each status means">
        <xsl:call-template name="header-row">
          <xsl:with-param name="names" select="'^Status|Name|Meaning|&gt;Indicators'"/>
        </xsl:call-template>
        <xsl:for-each select="/s:performance-report/c:statuses/c:status">
          <row>
            <xsl:call-template name="badge-cell">
              <xsl:with-param name="id" select="@c:id"/>
              <xsl:with-param name="colour" select="@c:colour"/>
              <xsl:with-param name="align" select="'center'"/>
            </xsl:call-template>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:name)"/>
              <xsl:with-param name="header" select="'row'"/>
            </xsl:call-template>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:meaning)"/>
            </xsl:call-template>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:count)"/>
              <xsl:with-param name="align" select="'right'"/>
            </xsl:call-template>
          </row>
        </xsl:for-each>
      </table>
    </box>
  </xsl:template>

  <!-- ============================================================ breakdown -->

  <!-- Code | Actual | Target | Difference | Performance | Polarity, the
       figures csdoc computed or checked; then the notes on stated figures
       it found wrong and the legend of the polarity symbols. -->
  <xsl:template match="s:breakdown">
    <!-- where csdoc computes a figure the report also typed (an actual
         that is an average), R-typed holds what was typed: that is shown -->
    <xsl:variable name="roles"
        select="'|actual|target|difference|performance|actual-typed|target-typed|difference-typed|performance-typed|'"/>
    <xsl:variable name="wrong" select="$measures/c:derived/s:figure[@c:check = 'mismatch']
        [contains($roles, concat('|', @c:role, '|'))]
        [not(../s:figure/@c:role = concat(@c:role, '-typed'))]"/>
    <xsl:variable name="missing" select="$measures[not(c:derived/s:figure[@c:role = 'actual'])
        or not(c:derived/s:figure[@c:role = 'target'])
        or not(c:derived/s:figure[@c:role = 'difference'])
        or not(c:derived/s:figure[@c:role = 'performance'])]"/>
    <box space-before="4" space-after="10" keep-together="{$keep}">
      <table borders="grid" widths="10 17 14 14 17 15 13" space-before="4" space-after="4"
          summary="Each indicator's actual, target, difference from target, performance and polarity">
        <xsl:call-template name="header-row">
          <xsl:with-param name="names" select="'Code|Unit|&gt;Actual|&gt;Target|&gt;Difference from target|&gt;Performance|^Polarity'"/>
        </xsl:call-template>
        <xsl:for-each select="$measures">
          <xsl:variable name="d" select="c:derived/s:figure"/>
          <row>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@code)"/>
              <xsl:with-param name="header" select="'row'"/>
            </xsl:call-template>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text">
                <xsl:call-template name="unit-words"/>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="figure-cell">
              <xsl:with-param name="f" select="$d[@c:role = 'actual-typed'] | $d[@c:role = 'actual'][not($d/@c:role = 'actual-typed')]"/>
              <xsl:with-param name="wrong" select="$wrong"/>
            </xsl:call-template>
            <xsl:call-template name="figure-cell">
              <xsl:with-param name="f" select="$d[@c:role = 'target-typed'] | $d[@c:role = 'target'][not($d/@c:role = 'target-typed')]"/>
              <xsl:with-param name="wrong" select="$wrong"/>
            </xsl:call-template>
            <xsl:call-template name="figure-cell">
              <xsl:with-param name="f" select="$d[@c:role = 'difference-typed'] | $d[@c:role = 'difference'][not($d/@c:role = 'difference-typed')]"/>
              <xsl:with-param name="wrong" select="$wrong"/>
            </xsl:call-template>
            <xsl:call-template name="figure-cell">
              <xsl:with-param name="f" select="$d[@c:role = 'performance-typed'] | $d[@c:role = 'performance'][not($d/@c:role = 'performance-typed')]"/>
              <xsl:with-param name="wrong" select="$wrong"/>
            </xsl:call-template>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:polarity-symbol)"/>
              <xsl:with-param name="align" select="'center'"/>
            </xsl:call-template>
          </row>
        </xsl:for-each>
      </table>
      <xsl:for-each select="$wrong">
        <xsl:variable name="m" select="../.."/>
        <xsl:call-template name="table-note">
          <xsl:with-param name="mark">
            <xsl:call-template name="note-mark">
              <xsl:with-param name="n" select="position()"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:value-of select="$m/@code"/>
            <xsl:text>, </xsl:text>
            <xsl:call-template name="role-words"/>
            <xsl:text>: the report states </xsl:text>
            <xsl:value-of select="@c:display"/>
            <xsl:text>; csdoc computes </xsl:text>
            <xsl:value-of select="@c:computed-display"/>
            <xsl:if test="starts-with(@c:role, 'actual') and $m/s:actual/@of = 'average'">
              <xsl:text> (the average of the series)</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$missing">
        <xsl:call-template name="table-note">
          <xsl:with-param name="text">– no figure available.</xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="table-note">
        <xsl:with-param name="text">Difference from target: positive is worse than target, negative better, whichever way the indicator runs.  Performance: the difference as a percentage of the target.</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="polarity-legend"/>
    </box>
  </xsl:template>

  <!-- "rate per 1,000", "%", "count" for the context measure. -->
  <xsl:template name="unit-words">
    <xsl:choose>
      <xsl:when test="@unit = 'percent'">per cent</xsl:when>
      <xsl:when test="@unit = 'rate' and @per">
        <xsl:text>rate per </xsl:text>
        <xsl:value-of select="format-number(@per, '#,##0')"/>
      </xsl:when>
      <xsl:when test="@unit = 'rate'">rate</xsl:when>
      <xsl:when test="@unit = 'count'">count</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "actual", "target", "difference from target", "performance" (of
       R or R-typed). -->
  <xsl:template name="role-words">
    <xsl:variable name="role" select="substring-before(concat(@c:role, '-typed'), '-typed')"/>
    <xsl:choose>
      <xsl:when test="$role = 'difference'">difference from target</xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure of the breakdown, right-aligned: its display form, with the
       letter of its note if csdoc found it typed wrong (WRONG, in order);
       an en dash where there is no figure. -->
  <xsl:template name="figure-cell">
    <xsl:param name="f"/>
    <xsl:param name="wrong"/>
    <cell align="right">
      <para size="{$cell-size}">
        <xsl:choose>
          <xsl:when test="$f">
            <xsl:value-of select="$f/@c:display"/>
            <xsl:if test="$f/@c:check = 'mismatch'">
              <xsl:variable name="id" select="generate-id($f)"/>
              <xsl:for-each select="$wrong">
                <xsl:if test="generate-id() = $id">
                  <sup>
                    <xsl:call-template name="note-mark">
                      <xsl:with-param name="n" select="position()"/>
                    </xsl:call-template>
                  </sup>
                </xsl:if>
              </xsl:for-each>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="colour"><xsl:value-of select="$muted"/></xsl:attribute>
            <xsl:text>–</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </para>
    </cell>
  </xsl:template>

  <!-- "▲ higher is better: the target requires an increase" for each
       polarity the indicators use. -->
  <xsl:template name="polarity-legend">
    <xsl:variable name="up" select="$measures[@polarity = 'higher'][1]"/>
    <xsl:variable name="down" select="$measures[@polarity = 'lower'][1]"/>
    <para size="{$note-size}" space-before="2" space-after="0">
      <xsl:if test="$up">
        <xsl:value-of select="$up/@c:polarity-symbol"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$up/@c:polarity-words"/>
        <xsl:text>: the target requires an increase</xsl:text>
      </xsl:if>
      <xsl:if test="$up and $down"><xsl:text>.    </xsl:text></xsl:if>
      <xsl:if test="$down">
        <xsl:value-of select="$down/@c:polarity-symbol"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$down/@c:polarity-words"/>
        <xsl:text>: the target requires a decrease</xsl:text>
      </xsl:if>
      <xsl:text>.</xsl:text>
    </para>
  </xsl:template>

  <!-- ============================================================ status history -->

  <!-- One row per indicator, one column per period for the last @count
       periods up to the current one; each cell the status then as a badge
       (earlier periods from the history, the current one csdoc's).  A
       period the history does not cover is an en dash. -->
  <xsl:template match="s:status-history">
    <xsl:variable name="periods" select="/s:performance-report/s:periods"/>
    <xsl:variable name="cur" select="count($periods/s:period[@id = $periods/@current]/preceding-sibling::s:period) + 1"/>
    <xsl:variable name="count">
      <xsl:choose>
        <xsl:when test="@count"><xsl:value-of select="@count"/></xsl:when>
        <xsl:otherwise>4</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="shown" select="$periods/s:period[position() &lt;= $cur and position() &gt; $cur - $count]"/>
    <xsl:variable name="n" select="count($shown)"/>
    <xsl:variable name="described" select="$n &lt;= 6"/>
    <xsl:variable name="gaps" select="$measures[count(s:history/s:was[@period = $shown/@id]) + 1 &lt; $n]"/>
    <box space-before="4" space-after="10" keep-together="{$keep}">
      <table borders="grid" space-before="0" space-after="4"
          summary="Each indicator's status in the last {$n} {$period-word}s">
        <xsl:attribute name="widths">
          <xsl:choose>
            <xsl:when test="$described">
              <xsl:text>10 </xsl:text>
              <xsl:value-of select="90 - 12 * $n"/>
              <xsl:for-each select="$shown"><xsl:text> 12</xsl:text></xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>12</xsl:text>
              <xsl:for-each select="$shown">
                <xsl:text> </xsl:text>
                <xsl:value-of select="format-number(88 div $n, '0.##')"/>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <row header="yes">
          <xsl:call-template name="header-row-shade"/>
          <cell><para><xsl:call-template name="header-text"/>Code</para></cell>
          <xsl:if test="$described">
            <cell><para><xsl:call-template name="header-text"/>Indicator</para></cell>
          </xsl:if>
          <xsl:for-each select="$shown">
            <cell align="center">
              <para><xsl:call-template name="header-text"/><xsl:value-of select="@c:label"/></para>
              <xsl:if test="@id = $periods/@current">
                <para><xsl:call-template name="header-text"/>(current)</para>
              </xsl:if>
            </cell>
          </xsl:for-each>
        </row>
        <xsl:for-each select="$measures">
          <xsl:variable name="m" select="."/>
          <row>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@code)"/>
              <xsl:with-param name="header" select="'row'"/>
            </xsl:call-template>
            <xsl:if test="$described">
              <cell>
                <para size="{$cell-size}"><xsl:apply-templates select="s:description/node()"/></para>
              </cell>
            </xsl:if>
            <xsl:for-each select="$shown">
              <xsl:variable name="was" select="$m/s:history/s:was[@period = current()/@id]"/>
              <xsl:choose>
                <xsl:when test="@id = $periods/@current">
                  <xsl:for-each select="$m">
                    <xsl:call-template name="badge-cell">
                      <xsl:with-param name="id" select="@c:status"/>
                      <xsl:with-param name="colour" select="@c:colour"/>
                      <xsl:with-param name="align" select="'center'"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </xsl:when>
                <xsl:when test="$was">
                  <xsl:call-template name="badge-cell">
                    <xsl:with-param name="id" select="$was/@status"/>
                    <xsl:with-param name="colour" select="$was/@c:colour"/>
                    <xsl:with-param name="align" select="'center'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <cell align="center"><para size="{$cell-size}" colour="{$muted}">–</para></cell>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </row>
        </xsl:for-each>
      </table>
      <xsl:call-template name="table-note">
        <xsl:with-param name="text">
          <xsl:for-each select="/s:performance-report/c:statuses/c:status">
            <xsl:if test="position() != 1">, </xsl:if>
            <xsl:value-of select="@c:id"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@c:name"/>
          </xsl:for-each>
          <xsl:if test="$gaps">; – no status recorded for that <xsl:value-of select="$period-word"/></xsl:if>
          <xsl:text>.</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </box>
  </xsl:template>

  <!-- ============================================================ series charts -->

  <!-- The exact value of figure F (c:value: "493", "-199/100") as a number. -->
  <xsl:template name="value">
    <xsl:param name="f" select="."/>
    <xsl:variable name="v" select="string($f/@c:value)"/>
    <xsl:choose>
      <xsl:when test="contains($v, '/')">
        <xsl:value-of select="number(substring-before($v, '/')) div number(substring-after($v, '/'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="number($v)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:series-charts">
    <xsl:choose>
      <xsl:when test="$measures[s:series]">
        <xsl:for-each select="$measures[s:series]">
          <xsl:call-template name="series-chart"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <para italic="yes" colour="{$muted}" space-after="8">No indicator in this report has a series of values to chart.</para>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context measure's series as bars, scaled so that the largest of
       the values and the target (and zero) fills the plot; the target a
       dashed line across it, labelled at its right; each bar's value over
       it and its label under it.  Then the values as a small table. -->
  <xsl:template name="series-chart">
    <xsl:variable name="vals" select="c:derived/s:figure[@c:role = 'series']"/>
    <xsl:variable name="target" select="c:derived/s:figure[@c:role = 'target']"/>
    <xsl:variable name="n" select="count($vals)"/>
    <!-- the largest and smallest of the values and the target, by exact value -->
    <xsl:variable name="hi0">
      <xsl:for-each select="$vals | $target">
        <xsl:sort data-type="number" order="descending"
            select="number(substring-before(concat(@c:value, '/'), '/'))
                div (number(concat('0', substring-after(@c:value, '/'))) + not(contains(@c:value, '/')))"/>
        <xsl:if test="position() = 1"><xsl:call-template name="value"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="lo0">
      <xsl:for-each select="$vals | $target">
        <xsl:sort data-type="number" order="ascending"
            select="number(substring-before(concat(@c:value, '/'), '/'))
                div (number(concat('0', substring-after(@c:value, '/'))) + not(contains(@c:value, '/')))"/>
        <xsl:if test="position() = 1"><xsl:call-template name="value"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="hi">
      <xsl:choose>
        <xsl:when test="$hi0 &gt; 0"><xsl:value-of select="$hi0"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="lo">
      <xsl:choose>
        <xsl:when test="$lo0 &lt; 0"><xsl:value-of select="$lo0"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="range">
      <xsl:choose>
        <xsl:when test="$hi - $lo &gt; 0"><xsl:value-of select="$hi - $lo"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- geometry, in points -->
    <xsl:variable name="W" select="480"/>
    <xsl:variable name="H" select="190"/>
    <xsl:variable name="left" select="8"/>
    <xsl:variable name="right" select="$W - 64"/>
    <xsl:variable name="top" select="16"/>
    <xsl:variable name="bottom" select="$H - 22"/>
    <xsl:variable name="plot-h" select="$bottom - $top"/>
    <xsl:variable name="slot" select="($right - $left) div $n"/>
    <xsl:variable name="bar-w">
      <xsl:choose>
        <xsl:when test="$slot * 0.6 &gt; 60">60</xsl:when>
        <xsl:otherwise><xsl:value-of select="$slot * 0.6"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="zero" select="$top + $hi * $plot-h div $range"/>
    <!-- the target line's height (none: below the graphic) -->
    <xsl:variable name="ty">
      <xsl:choose>
        <xsl:when test="$target">
          <xsl:variable name="t">
            <xsl:call-template name="value">
              <xsl:with-param name="f" select="$target"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="$top + ($hi - $t) * $plot-h div $range"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$H + 100"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- labels every STEP bars when they would crowd, values only when few -->
    <xsl:variable name="step" select="ceiling($n div 12)"/>
    <xsl:variable name="show-values" select="$n &lt;= 16"/>
    <xsl:variable name="caption">
      <xsl:value-of select="@code"/>
      <xsl:text> – </xsl:text>
      <xsl:choose>
        <xsl:when test="s:series/@caption"><xsl:value-of select="s:series/@caption"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(s:description)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <para bold="yes" keep-with-next="yes" space-before="6" space-after="4">
      <xsl:value-of select="$caption"/>
    </para>
    <graphic width="{$W}" height="{$H}" keep-with-next="yes" space-after="4">
      <xsl:attribute name="alt">
        <xsl:text>Bar chart: </xsl:text>
        <xsl:value-of select="$caption"/>
        <xsl:text>. </xsl:text>
        <xsl:for-each select="$vals">
          <xsl:if test="position() != 1">, </xsl:if>
          <xsl:value-of select="@c:label"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@c:display"/>
        </xsl:for-each>
        <xsl:if test="$target">
          <xsl:text>; target </xsl:text>
          <xsl:value-of select="$target/@c:display"/>
          <xsl:text> (dashed line)</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </xsl:attribute>
      <xsl:for-each select="$vals">
        <xsl:variable name="v">
          <xsl:call-template name="value"/>
        </xsl:variable>
        <xsl:variable name="cx" select="$left + (position() - 0.5) * $slot"/>
        <xsl:variable name="y" select="$top + ($hi - $v) * $plot-h div $range"/>
        <xsl:variable name="y0">
          <xsl:choose>
            <xsl:when test="$y &lt; $zero"><xsl:value-of select="$y"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$zero"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="h">
          <xsl:choose>
            <xsl:when test="$y &lt; $zero"><xsl:value-of select="$zero - $y"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$y - $zero"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <rect x="{format-number($cx - $bar-w div 2, '0.##')}" y="{format-number($y0, '0.##')}"
            w="{format-number($bar-w, '0.##')}" h="{format-number($h, '0.##')}" fill="{$bar-fill}"/>
        <!-- the value over the bar (under it when negative); inside the
             bar's end, in white, where the target line would cross it and
             the bar is tall enough -->
        <xsl:if test="$show-values">
          <xsl:variable name="ly">
            <xsl:choose>
              <xsl:when test="$v &lt; 0"><xsl:value-of select="$y + 10"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$y - 3"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="inside" select="$ty &gt; $ly - 11 and $ty &lt; $ly + 3 and $h &gt; 30"/>
          <text x="{format-number($cx, '0.##')}" anchor="middle" size="8">
            <xsl:attribute name="y">
              <xsl:choose>
                <xsl:when test="$inside and $v &lt; 0"><xsl:value-of select="format-number($y - 4, '0.##')"/></xsl:when>
                <xsl:when test="$inside"><xsl:value-of select="format-number($y + 11, '0.##')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="format-number($ly, '0.##')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:attribute name="fill">
              <xsl:choose>
                <xsl:when test="$inside">#ffffff</xsl:when>
                <xsl:otherwise><xsl:value-of select="$ink"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="@c:display"/>
          </text>
        </xsl:if>
        <xsl:if test="(position() - 1) mod $step = 0">
          <text x="{format-number($cx, '0.##')}" y="{$bottom + 13}" anchor="middle" size="8" fill="{$ink}">
            <xsl:value-of select="@c:label"/>
          </text>
        </xsl:if>
      </xsl:for-each>
      <!-- the zero line -->
      <line points="{$left},{format-number($zero, '0.##')} {$right},{format-number($zero, '0.##')}"
          stroke="#4d4d4d" stroke-width="0.75"/>
      <xsl:if test="$target">
        <xsl:variable name="y" select="format-number($ty, '0.##')"/>
        <line points="{$left},{$y} {$right + 4},{$y}" stroke="{$target-stroke}"
            stroke-width="1.5" dash="6 3"/>
        <text x="{$right + 8}" y="{format-number($ty - 2, '0.##')}" size="8" bold="yes" fill="{$ink}">Target</text>
        <text x="{$right + 8}" y="{format-number($ty + 8, '0.##')}" size="8" fill="{$ink}"><xsl:value-of select="$target/@c:display"/></text>
      </xsl:if>
    </graphic>
    <xsl:call-template name="series-table">
      <xsl:with-param name="vals" select="$vals"/>
      <xsl:with-param name="target" select="$target"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The chart's values as a table across the page: a row of labels over
       a row of values, the target last; more than 12 values go in rows of
       12, each pair its own small table. -->
  <xsl:template name="series-table">
    <xsl:param name="vals"/>
    <xsl:param name="target"/>
    <xsl:variable name="per" select="12"/>
    <xsl:variable name="m" select="."/>
    <xsl:for-each select="$vals[position() mod $per = 1]">
      <xsl:variable name="i" select="position()"/>
      <xsl:variable name="chunk" select="$vals[position() &gt; ($i - 1) * $per and position() &lt;= $i * $per]"/>
      <xsl:variable name="last" select="not($vals[position() &gt; $i * $per])"/>
      <table borders="grid" space-before="2">
        <xsl:attribute name="space-after">
          <xsl:choose>
            <xsl:when test="$last">12</xsl:when>
            <xsl:otherwise>4</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="summary">
          <xsl:text>The values charted above</xsl:text>
          <xsl:if test="count($vals) &gt; $per">
            <xsl:text>, part </xsl:text>
            <xsl:value-of select="$i"/>
          </xsl:if>
        </xsl:attribute>
        <row header="yes">
          <xsl:call-template name="header-row-shade"/>
          <cell><para><xsl:call-template name="header-text"/><xsl:value-of select="$m/@code"/></para></cell>
          <xsl:for-each select="$chunk">
            <cell align="right"><para><xsl:call-template name="header-text"/><xsl:value-of select="@c:label"/></para></cell>
          </xsl:for-each>
          <xsl:if test="$target and $last">
            <cell align="right"><para><xsl:call-template name="header-text"/>Target</para></cell>
          </xsl:if>
        </row>
        <row>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="text" select="'Value'"/>
            <xsl:with-param name="header" select="'row'"/>
          </xsl:call-template>
          <xsl:for-each select="$chunk">
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:display)"/>
              <xsl:with-param name="align" select="'right'"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$target and $last">
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string($target/@c:display)"/>
              <xsl:with-param name="align" select="'right'"/>
            </xsl:call-template>
          </xsl:if>
        </row>
      </table>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ commentaries -->

  <!-- Each indicator under "CODE – description": a banner in its status's
       colour with the letter and csdoc's reason, the commentary, and its
       areas as a small table.  The first commentaries view holds the
       indicators' anchors. -->
  <xsl:template match="s:commentaries">
    <xsl:variable name="first" select="not(preceding::s:commentaries)"/>
    <xsl:for-each select="$measures">
      <heading level="2" size="12" space-before="14" space-after="4">
        <xsl:if test="$first">
          <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="@code"/>
        <xsl:text> – </xsl:text>
        <xsl:apply-templates select="s:description/node()"/>
      </heading>
      <xsl:call-template name="status-banner"/>
      <xsl:choose>
        <xsl:when test="$first">
          <xsl:apply-templates select="s:commentary/*" mode="block"/>
        </xsl:when>
        <!-- a second view prints the words once more, notes and all, but
             sets no footnote twice -->
        <xsl:otherwise>
          <xsl:apply-templates select="s:commentary/*"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="s:areas"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The status line under an indicator's heading: the letter in bold,
       then the reason ("Amber: 3.5% off target, within 5%; the same as
       last quarter"), on the status's fill inside a darker edge. -->
  <xsl:template name="status-banner">
    <box padding="4" space-before="0" space-after="6" keep-with-next="yes">
      <xsl:attribute name="shade">
        <xsl:call-template name="status-fill">
          <xsl:with-param name="colour" select="@c:colour"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:attribute name="border">
        <xsl:call-template name="status-edge">
          <xsl:with-param name="colour" select="@c:colour"/>
        </xsl:call-template>
      </xsl:attribute>
      <para space-after="0">
        <b>
          <xsl:value-of select="@c:status"/>
          <xsl:text>  </xsl:text>
          <xsl:value-of select="@c:status-name"/>
        </b>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="reason-rest"/>
      </para>
    </box>
  </xsl:template>

  <!-- Area | Status | Reason. -->
  <xsl:template match="s:areas">
    <table borders="grid" widths="30 18 52" space-before="2" space-after="8"
        summary="The indicator's status by area">
      <xsl:call-template name="header-row">
        <xsl:with-param name="names" select="'Area|Status|Reason'"/>
      </xsl:call-template>
      <xsl:for-each select="s:area">
        <row>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="text" select="string(@name)"/>
            <xsl:with-param name="header" select="'row'"/>
          </xsl:call-template>
          <xsl:call-template name="badge-cell">
            <xsl:with-param name="id" select="@c:status"/>
            <xsl:with-param name="colour" select="@c:colour"/>
            <xsl:with-param name="name" select="@c:status-name"/>
          </xsl:call-template>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="text">
              <xsl:call-template name="reason-rest"/>
            </xsl:with-param>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- ============================================================ glossary -->

  <!-- The abbreviations close the report, headed like a section. -->
  <xsl:template match="s:glossary">
    <heading level="1" size="15" space-before="20" space-after="8">Abbreviations</heading>
    <xsl:call-template name="glossary-table">
      <xsl:with-param name="headings" select="'yes'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
