<?xml version="1.0" encoding="UTF-8"?>
<!-- report.xsl: maps a compiled board paper to the print vocabulary (header block, sections and appendices, money tables, the risk matrix and its key, risks, a letter, glossary). -->
<!--
  One A4 portrait master: board | title above, DRAFT on a draft | "Page N
  of M" below, as the performance report's.  One flow: the board paper's
  header block (common.xsl: the board, then Title, Report written by,
  Attached, Action/ Recommendations and the meeting's date as a
  two-column table), then each paper-section as a level-1 heading with
  its blocks in source order.  An appendix starts a new page, headed
  "Appendix A – Title" (@c:label and the title).

  The risk matrix is the grid csdoc laid out (c:grid): a column per
  likelihood band, a row per impact band, each cell its score and its
  level's name on the level's tint, then a key to the levels.  A level is
  never colour alone: its name is printed on every tint, and the tints
  are light enough that black text on each has a contrast of at least
  10:1.  Nothing is computed here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:report s:report-header s:paper-section
      s:risk-matrix s:risks s:risk-area s:letter s:footnotes c:grid c:row"/>

  <xsl:variable name="draft" select="/s:report/@c:status = 'draft'"/>
  <!-- Tables (common.xsl): as the performance report sets them. -->
  <xsl:variable name="cell-size" select="'9.5'"/>
  <xsl:variable name="header-shade" select="$accent"/>
  <xsl:variable name="header-colour" select="'#ffffff'"/>
  <xsl:variable name="inner-bullet" select="'–'"/>

  <!-- ============================================================ document -->

  <xsl:template match="/s:report">
    <xsl:variable name="h" select="s:report-header"/>
    <document subject="Report" author="{@c:body}">
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
        <xsl:apply-templates select="s:report-header">
          <xsl:with-param name="action-label" select="'Action/ Recommendations'"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="s:paper-section"/>
        <xsl:apply-templates select="s:glossary[s:term]"/>
      </flow>
    </document>
  </xsl:template>

  <!-- ============================================================ sections -->

  <!-- A section: a level-1 heading, then its blocks in order.  Sections
       run on; an appendix starts a new page ("Appendix A – Title"). -->
  <xsl:template match="s:paper-section">
    <xsl:if test="@c:label">
      <page-break/>
    </xsl:if>
    <heading level="1" size="15" space-before="20" space-after="8">
      <xsl:call-template name="copy-id"/>
      <xsl:if test="@c:label">
        <xsl:value-of select="@c:label"/>
        <xsl:text> – </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="s:title/node()"/>
    </heading>
    <xsl:for-each select="s:title">
      <xsl:call-template name="symbol-notes"/>
    </xsl:for-each>
    <xsl:apply-templates select="*[not(self::s:title)]" mode="block"/>
  </xsl:template>

  <!-- s:heading is one level below its section's. -->
  <xsl:template name="section-rank">1</xsl:template>

  <!-- 'y' when this stylesheet gives a block the id ID. -->
  <xsl:template name="has-target">
    <xsl:param name="id"/>
    <xsl:if test="//s:paper-section[@c:id = $id or (@id = $id and not(@c:id))]
        | //s:risk-matrix[@id = $id]
        | //s:risks[@id = $id] | //s:letter[@id = $id]
        | //s:p[@id = $id] | //s:table[@id = $id] | //s:ul[@id = $id]
        | //s:ol[@id = $id] | //s:heading[@id = $id] | //s:quote[@id = $id]
        | //s:chart[@id = $id] | //s:placeholder[@id = $id]
        | //s:footnote[@id = $id][@c:cited = 'yes']">y</xsl:if>
  </xsl:template>

  <!-- The glossary closes the paper, headed like a section. -->
  <xsl:template match="s:glossary">
    <heading level="1" size="15" space-before="20" space-after="8">Abbreviations</heading>
    <xsl:call-template name="glossary-table">
      <xsl:with-param name="headings" select="'yes'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ levels -->

  <!-- The tint of a level of colour COLOUR: the performance report's
       status tints, and a pale yellow; black text on each 10:1 or more. -->
  <xsl:template name="level-fill">
    <xsl:param name="colour"/>
    <xsl:choose>
      <xsl:when test="$colour = 'red'">#f7b9b4</xsl:when>
      <xsl:when test="$colour = 'amber'">#ffd98c</xsl:when>
      <xsl:when test="$colour = 'yellow'">#fff3a0</xsl:when>
      <xsl:when test="$colour = 'green'">#b9e2b5</xsl:when>
      <xsl:otherwise>#ffffff</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Amber" for amber. -->
  <xsl:template name="colour-word">
    <xsl:param name="colour"/>
    <xsl:value-of select="translate(substring($colour, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    <xsl:value-of select="substring($colour, 2)"/>
  </xsl:template>

  <!-- A band's name, bold, and what it means, small, in a header cell. -->
  <xsl:template name="band-cell">
    <xsl:param name="band"/>
    <xsl:param name="header-row" select="false()"/>
    <cell>
      <xsl:if test="not($header-row)">
        <xsl:attribute name="header">yes</xsl:attribute>
        <xsl:attribute name="scope">row</xsl:attribute>
      </xsl:if>
      <para bold="yes" size="{$cell-size}">
        <xsl:if test="$header-row">
          <xsl:attribute name="colour"><xsl:value-of select="$header-colour"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$band/@name"/>
      </para>
      <xsl:if test="normalize-space($band) != ''">
        <para size="8">
          <xsl:if test="$header-row">
            <xsl:attribute name="colour"><xsl:value-of select="$header-colour"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="$band/node()"/>
        </para>
      </xsl:if>
    </cell>
  </xsl:template>

  <!-- ============================================================ risk matrix -->

  <!-- The grid (c:grid: impact rows highest first, likelihood columns
       lowest first), each cell its score and level's name on its tint,
       then the key; kept on one page. -->
  <xsl:template match="s:risk-matrix">
    <xsl:variable name="m" select="."/>
    <xsl:variable name="cols" select="c:grid/c:row[1]/c:cell"/>
    <box keep-together="yes" space-before="4" space-after="10">
      <table borders="grid" space-before="4" space-after="6"
          summary="Risk matrix: the score and level of each likelihood against each impact">
        <xsl:attribute name="widths">
          <xsl:text>28</xsl:text>
          <xsl:for-each select="$cols">
            <xsl:text> </xsl:text>
            <xsl:value-of select="format-number(72 div count($cols), '0.##')"/>
          </xsl:for-each>
        </xsl:attribute>
        <xsl:call-template name="copy-id"/>
        <caption>
          <xsl:choose>
            <xsl:when test="s:caption"><xsl:call-template name="caption-text"/></xsl:when>
            <xsl:otherwise>Risk matrix</xsl:otherwise>
          </xsl:choose>
        </caption>
        <row header="yes">
          <xsl:call-template name="header-row-shade"/>
          <cell>
            <para><xsl:call-template name="header-text"/>Likelihood →</para>
            <para><xsl:call-template name="header-text"/>Impact ↓</para>
          </cell>
          <xsl:for-each select="$cols">
            <xsl:call-template name="band-cell">
              <xsl:with-param name="band" select="$m/s:likelihood[@id = current()/@likelihood]"/>
              <xsl:with-param name="header-row" select="true()"/>
            </xsl:call-template>
          </xsl:for-each>
        </row>
        <xsl:for-each select="c:grid/c:row">
          <row>
            <xsl:call-template name="band-cell">
              <xsl:with-param name="band" select="$m/s:impact[@id = current()/@impact]"/>
            </xsl:call-template>
            <xsl:for-each select="c:cell">
              <cell align="center">
                <xsl:attribute name="shade">
                  <xsl:call-template name="level-fill">
                    <xsl:with-param name="colour" select="@colour"/>
                  </xsl:call-template>
                </xsl:attribute>
                <para bold="yes" size="12" align="center"><xsl:value-of select="@score"/></para>
                <para size="8" align="center"><xsl:value-of select="@level-name"/></para>
              </cell>
            </xsl:for-each>
          </row>
        </xsl:for-each>
      </table>
      <xsl:call-template name="risk-key"/>
    </box>
  </xsl:template>

  <!-- The key: one row, a cell per level on its tint: its name, its
       scores and its colour in words ("Very High Risk", "20–25, red"). -->
  <xsl:template name="risk-key">
    <table borders="grid" space-before="2" space-after="4"
        summary="Key to the risk levels: each level's scores and colour">
      <caption>Key to the risk levels</caption>
      <row>
        <xsl:for-each select="s:risk-level">
          <cell>
            <xsl:attribute name="shade">
              <xsl:call-template name="level-fill">
                <xsl:with-param name="colour" select="@colour"/>
              </xsl:call-template>
            </xsl:attribute>
            <para bold="yes" size="{$cell-size}"><xsl:value-of select="@name"/></para>
            <para size="8.5">
              <xsl:value-of select="@from"/>
              <xsl:if test="@to != @from">
                <xsl:text>–</xsl:text>
                <xsl:value-of select="@to"/>
              </xsl:if>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="colour-word">
                <xsl:with-param name="colour" select="@colour"/>
              </xsl:call-template>
            </para>
          </cell>
        </xsl:for-each>
      </row>
    </table>
  </xsl:template>

  <!-- ============================================================ risks -->

  <!-- Area | Scenario | Likelihood | Impact | Score | Level (| Note), the
       area spanning its risks' rows. -->
  <xsl:template match="s:risks">
    <xsl:variable name="m" select="//s:risk-matrix[@id = current()/@matrix]"/>
    <xsl:variable name="notes" select="boolean(s:risk-area/s:risk[normalize-space(.) != '' or *])"/>
    <table borders="grid" space-before="4" space-after="8"
        summary="Each risk's area, scenario, likelihood, impact, score and level">
      <xsl:attribute name="widths">
        <xsl:choose>
          <xsl:when test="$notes">13 15 12 14 11 15 20</xsl:when>
          <xsl:otherwise>15 20 16 17 12 20</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="copy-id"/>
      <caption>
        <xsl:choose>
          <xsl:when test="s:caption"><xsl:call-template name="caption-text"/></xsl:when>
          <xsl:otherwise>Risks</xsl:otherwise>
        </xsl:choose>
      </caption>
      <row header="yes">
        <xsl:call-template name="header-row-shade"/>
        <cell><para><xsl:call-template name="header-text"/>Area</para></cell>
        <cell><para><xsl:call-template name="header-text"/>Scenario</para></cell>
        <cell><para><xsl:call-template name="header-text"/>Likelihood</para></cell>
        <cell><para><xsl:call-template name="header-text"/>Impact</para></cell>
        <cell align="right"><para><xsl:call-template name="header-text"/>Score</para></cell>
        <cell><para><xsl:call-template name="header-text"/>Level</para></cell>
        <xsl:if test="$notes">
          <cell><para><xsl:call-template name="header-text"/>Note</para></cell>
        </xsl:if>
      </row>
      <xsl:for-each select="s:risk-area/s:risk">
        <row>
          <xsl:if test="not(preceding-sibling::s:risk)">
            <cell header="yes" scope="row">
              <xsl:if test="count(../s:risk) &gt; 1">
                <xsl:attribute name="rowspan"><xsl:value-of select="count(../s:risk)"/></xsl:attribute>
              </xsl:if>
              <para bold="yes" size="{$cell-size}"><xsl:value-of select="../@name"/></para>
            </cell>
          </xsl:if>
          <cell header="yes" scope="row">
            <para size="{$cell-size}"><xsl:value-of select="@scenario"/></para>
          </cell>
          <xsl:call-template name="risk-band">
            <xsl:with-param name="name" select="@c:likelihood-name"/>
            <xsl:with-param name="which" select="'likelihood'"/>
          </xsl:call-template>
          <xsl:call-template name="risk-band">
            <xsl:with-param name="name" select="@c:impact-name"/>
            <xsl:with-param name="which" select="'impact'"/>
          </xsl:call-template>
          <cell align="right">
            <para size="{$cell-size}">
              <xsl:choose>
                <xsl:when test="@c:score"><xsl:value-of select="@c:score"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@score"/></xsl:otherwise>
              </xsl:choose>
            </para>
            <xsl:if test="@c:typed-score">
              <para size="8" colour="{$muted}">
                <xsl:text>typed as </xsl:text>
                <xsl:value-of select="@c:typed-score"/>
              </para>
            </xsl:if>
          </cell>
          <cell>
            <xsl:attribute name="shade">
              <xsl:call-template name="level-fill">
                <xsl:with-param name="colour" select="@c:colour"/>
              </xsl:call-template>
            </xsl:attribute>
            <para bold="yes" size="{$cell-size}"><xsl:value-of select="@c:level-name"/></para>
            <!-- a level the paper typed that the score does not give -->
            <xsl:if test="@level and @c:level and @level != @c:level">
              <para size="8">
                <xsl:text>typed as </xsl:text>
                <xsl:choose>
                  <xsl:when test="$m/s:risk-level[@id = current()/@level]">
                    <xsl:value-of select="$m/s:risk-level[@id = current()/@level]/@name"/>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@level"/></xsl:otherwise>
                </xsl:choose>
              </para>
            </xsl:if>
          </cell>
          <xsl:if test="$notes">
            <cell>
              <xsl:if test="normalize-space(.) != '' or *">
                <para size="{$cell-size}"><xsl:apply-templates/></para>
              </xsl:if>
            </cell>
          </xsl:if>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- A risk's band (WHICH: likelihood or impact) as a cell: its name,
       "(from score)" where csdoc found it; a dash where there is none,
       with why when no band of the grid gives the score. -->
  <xsl:template name="risk-band">
    <xsl:param name="name"/>
    <xsl:param name="which"/>
    <cell>
      <xsl:choose>
        <xsl:when test="string($name) != ''">
          <para size="{$cell-size}"><xsl:value-of select="$name"/></para>
          <xsl:if test="@c:found = $which">
            <para size="8" colour="{$muted}">(from score)</para>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <para size="{$cell-size}">—</para>
          <xsl:if test="@c:unplaced = 'yes'">
            <para size="8" colour="{$muted}">
              <xsl:text>no </xsl:text>
              <xsl:value-of select="$which"/>
              <xsl:text> band gives this score</xsl:text>
            </para>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <!-- ============================================================ letter -->

  <!-- A letter reproduced in the paper: the sender bold and their post,
       the address, the date, the salutation, the letter, the closing and
       the signature. -->
  <xsl:template match="s:letter">
    <box space-before="6" space-after="10">
      <xsl:call-template name="copy-id"/>
      <para bold="yes" space-after="0" keep-with-next="yes"><xsl:apply-templates select="s:sender/node()"/></para>
      <xsl:if test="s:sender-post">
        <para size="9.5" space-after="0" keep-with-next="yes"><xsl:apply-templates select="s:sender-post/node()"/></para>
      </xsl:if>
      <xsl:if test="s:address">
        <para size="9.5" colour="{$muted}" space-before="4" space-after="0" keep-with-next="yes">
          <xsl:apply-templates select="s:address/node()"/>
        </para>
      </xsl:if>
      <para space-before="14" space-after="12" keep-with-next="yes">
        <xsl:choose>
          <xsl:when test="@c:date-display"><xsl:value-of select="@c:date-display"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
        </xsl:choose>
      </para>
      <para space-after="8" keep-with-next="yes"><xsl:apply-templates select="s:salutation/node()"/></para>
      <xsl:apply-templates select="s:p | s:ul | s:ol"/>
      <para space-before="8" space-after="24" keep-with-next="yes"><xsl:apply-templates select="s:closing/node()"/></para>
      <para bold="yes"><xsl:apply-templates select="s:signature/node()"/></para>
    </box>
  </xsl:template>

</xsl:stylesheet>
