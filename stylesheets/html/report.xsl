<?xml version="1.0" encoding="UTF-8"?>
<!-- report.xsl: the HTML page for a compiled board paper (the board paper's header, sections and appendices, money tables, the risk matrix, risks, a letter, notes, glossary). -->
<!--
  One page: the header is the board paper's own (common.xsl's
  board-paper: the board, the title, who wrote it, what is attached,
  the action or recommendations, the date, the PDF); <main> holds the
  paper's sections in source order, each an h2 ("Appendix A – Risk
  Analysis" for an appendix, from @c:label), then the Notes and the
  Abbreviations.
  Everything printed comes from the compiled tree: appendix labels from
  @c:label, the risk grid from the matrix's c:grid (each cell's score,
  level, level name and colour), each risk's score, level and band names
  from its c: attributes.  Nothing is computed here.
  A level is never colour alone: every cell of the grid and every risk
  prints the level's name in words on its tint.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:report s:report-header s:paper-section
      s:risk-matrix s:risks s:risk-area s:letter c:grid c:row"/>

  <xsl:variable name="draft" select="/s:report/@c:status = 'draft'"/>

  <!-- ============================================================ page -->

  <xsl:template match="/s:report">
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="@c:lang"/>
      <xsl:with-param name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="@c:body"/>
      </xsl:with-param>
      <xsl:with-param name="body-class">
        <xsl:text>report</xsl:text>
        <xsl:if test="$draft"> draft</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="header">
        <xsl:call-template name="board-paper">
          <xsl:with-param name="action-label" select="'Action/ Recommendations'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:apply-templates select="s:paper-section"/>
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

  <!-- s:heading ranks below its section's h2. -->
  <xsl:template name="section-rank">2</xsl:template>

  <!-- A section: its h2 ("Appendix A – Risk Analysis" for an appendix),
       then its text, tables, matrix, risks and letter in source order. -->
  <xsl:template match="s:paper-section">
    <!-- csdoc's id (what cross-references link to), else the author's -->
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="@c:id"><xsl:value-of select="@c:id"/></xsl:when>
        <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
        <!-- from the node, not a name an author could also write -->
        <xsl:otherwise><xsl:value-of select="concat('ps-', generate-id())"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section id="{$id}" aria-labelledby="h-{generate-id()}">
      <xsl:attribute name="class">
        <xsl:text>paper-section</xsl:text>
        <xsl:if test="@c:label"> appendix</xsl:if>
      </xsl:attribute>
      <h2 id="h-{generate-id()}" class="section-heading">
        <xsl:if test="@c:label">
          <span class="appendix-label"><xsl:value-of select="@c:label"/></span>
          <xsl:text> – </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="s:title/node()"/>
      </h2>
      <xsl:apply-templates select="*[not(self::s:title)]"/>
    </section>
  </xsl:template>

  <!-- ============================================================ risk matrix -->

  <!-- The level's tint and the words for it: "risk-amber". -->
  <xsl:template name="level-class">
    <xsl:param name="colour"/>
    <xsl:text>risk-</xsl:text>
    <xsl:choose>
      <xsl:when test="$colour = 'red' or $colour = 'amber' or $colour = 'yellow' or $colour = 'green'">
        <xsl:value-of select="$colour"/>
      </xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "20–25", or "4" for a level of one score. -->
  <xsl:template name="level-range">
    <xsl:value-of select="@from"/>
    <xsl:if test="@to != @from">
      <xsl:text>–</xsl:text>
      <xsl:value-of select="@to"/>
    </xsl:if>
  </xsl:template>

  <!-- The grid as csdoc laid it out (c:grid): a column per likelihood
       band, lowest first, a row per impact band, highest first; each
       cell its score and its level's name on the level's tint.  Then the
       key to the levels. -->
  <xsl:template match="s:risk-matrix">
    <xsl:variable name="m" select="."/>
    <xsl:variable name="cols" select="c:grid/c:row[1]/c:cell"/>
    <xsl:variable name="caption-id" select="concat('cap-', generate-id())"/>
    <div class="risk-matrix">
      <xsl:call-template name="table-region">
        <xsl:with-param name="label-id" select="$caption-id"/>
        <xsl:with-param name="content">
          <table class="data risk-grid">
            <xsl:call-template name="copy-id"/>
            <xsl:call-template name="table-caption">
              <xsl:with-param name="caption-id" select="$caption-id"/>
              <xsl:with-param name="fallback" select="'Risk matrix: likelihood against impact'"/>
            </xsl:call-template>
            <thead>
              <tr>
                <th scope="col" rowspan="2" class="risk-corner">Impact</th>
                <th scope="colgroup" colspan="{count($cols)}" class="risk-axis">Likelihood</th>
              </tr>
              <tr>
                <xsl:for-each select="$cols">
                  <xsl:variable name="band" select="$m/s:likelihood[@id = current()/@likelihood]"/>
                  <th scope="col" class="risk-band">
                    <span class="band-name"><xsl:value-of select="$band/@name"/></span>
                    <xsl:if test="normalize-space($band) != ''">
                      <xsl:text> </xsl:text>
                      <span class="band-text"><xsl:apply-templates select="$band/node()"/></span>
                    </xsl:if>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="c:grid/c:row">
                <xsl:variable name="band" select="$m/s:impact[@id = current()/@impact]"/>
                <tr>
                  <th scope="row" class="risk-band">
                    <span class="band-name"><xsl:value-of select="$band/@name"/></span>
                    <xsl:if test="normalize-space($band) != ''">
                      <xsl:text> </xsl:text>
                      <span class="band-text"><xsl:apply-templates select="$band/node()"/></span>
                    </xsl:if>
                  </th>
                  <xsl:for-each select="c:cell">
                    <td>
                      <xsl:attribute name="class">
                        <xsl:text>risk-cell </xsl:text>
                        <xsl:call-template name="level-class">
                          <xsl:with-param name="colour" select="@colour"/>
                        </xsl:call-template>
                      </xsl:attribute>
                      <span class="risk-score"><xsl:value-of select="@score"/></span>
                      <xsl:text> </xsl:text>
                      <span class="risk-level-name"><xsl:value-of select="@level-name"/></span>
                    </td>
                  </xsl:for-each>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="risk-key"/>
    </div>
  </xsl:template>

  <!-- The key: each level, its scores and its colour, on its tint. -->
  <xsl:template name="risk-key">
    <xsl:variable name="caption-id" select="concat('key-', generate-id())"/>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$caption-id"/>
      <xsl:with-param name="content">
        <table class="data borders-grid risk-key">
          <caption id="{$caption-id}">
            <xsl:text>Key to the risk levels</xsl:text>
            <xsl:if test="s:caption">
              <xsl:text> of “</xsl:text>
              <xsl:apply-templates select="s:caption/node()" mode="flat"/>
              <xsl:text>”</xsl:text>
            </xsl:if>
          </caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col" class="num">Scores</th>
              <th scope="col">Colour</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="s:risk-level">
              <tr>
                <th scope="row">
                  <xsl:attribute name="class">
                    <xsl:call-template name="level-class">
                      <xsl:with-param name="colour" select="@colour"/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="@name"/>
                </th>
                <td class="num"><xsl:call-template name="level-range"/></td>
                <td>
                  <xsl:call-template name="colour-word">
                    <xsl:with-param name="colour" select="@colour"/>
                  </xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Amber" for amber. -->
  <xsl:template name="colour-word">
    <xsl:param name="colour"/>
    <xsl:value-of select="translate(substring($colour, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    <xsl:value-of select="substring($colour, 2)"/>
  </xsl:template>

  <!-- ============================================================ risks -->

  <!-- Area | Scenario | Likelihood | Impact | Score | Level (| Note):
       each area a row group headed by its name.  A band csdoc found
       from the score says so; a band no row or column of the grid gives
       is a dash with the reason. -->
  <xsl:template match="s:risks">
    <xsl:variable name="m" select="//s:risk-matrix[@id = current()/@matrix]"/>
    <xsl:variable name="notes" select="boolean(s:risk-area/s:risk[normalize-space(.) != '' or *])"/>
    <xsl:variable name="caption-id" select="concat('cap-', generate-id())"/>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$caption-id"/>
      <xsl:with-param name="content">
        <table class="data borders-grid risks">
          <xsl:call-template name="copy-id"/>
          <xsl:call-template name="table-caption">
            <xsl:with-param name="caption-id" select="$caption-id"/>
            <xsl:with-param name="fallback" select="'Risks'"/>
          </xsl:call-template>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Scenario</th>
              <th scope="col">Likelihood</th>
              <th scope="col">Impact</th>
              <th scope="col" class="num">Score</th>
              <th scope="col">Level</th>
              <xsl:if test="$notes"><th scope="col" class="risk-note">Note</th></xsl:if>
            </tr>
          </thead>
          <xsl:for-each select="s:risk-area">
            <tbody>
              <xsl:for-each select="s:risk">
                <tr>
                  <xsl:call-template name="copy-id"/>
                  <xsl:if test="position() = 1">
                    <th scope="rowgroup" rowspan="{last()}" class="risk-area">
                      <xsl:value-of select="../@name"/>
                    </th>
                  </xsl:if>
                  <th scope="row" class="risk-scenario"><xsl:value-of select="@scenario"/></th>
                  <td>
                    <xsl:call-template name="risk-band">
                      <xsl:with-param name="name" select="@c:likelihood-name"/>
                      <xsl:with-param name="which" select="'likelihood'"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="risk-band">
                      <xsl:with-param name="name" select="@c:impact-name"/>
                      <xsl:with-param name="which" select="'impact'"/>
                    </xsl:call-template>
                  </td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="@c:score"><xsl:value-of select="@c:score"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@score"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="@c:typed-score">
                      <span class="risk-typed">
                        <xsl:text> (typed as </xsl:text>
                        <xsl:value-of select="@c:typed-score"/>
                        <xsl:text>)</xsl:text>
                      </span>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:attribute name="class">
                      <xsl:text>risk-level </xsl:text>
                      <xsl:call-template name="level-class">
                        <xsl:with-param name="colour" select="@c:colour"/>
                      </xsl:call-template>
                    </xsl:attribute>
                    <xsl:value-of select="@c:level-name"/>
                    <!-- a level the paper typed that the score does not give -->
                    <xsl:if test="@level and @c:level and @level != @c:level">
                      <span class="risk-typed">
                        <xsl:text> (typed as </xsl:text>
                        <xsl:choose>
                          <xsl:when test="$m/s:risk-level[@id = current()/@level]">
                            <xsl:value-of select="$m/s:risk-level[@id = current()/@level]/@name"/>
                          </xsl:when>
                          <xsl:otherwise><xsl:value-of select="@level"/></xsl:otherwise>
                        </xsl:choose>
                        <xsl:text>)</xsl:text>
                      </span>
                    </xsl:if>
                  </td>
                  <xsl:if test="$notes">
                    <td class="risk-note"><xsl:apply-templates/></td>
                  </xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </xsl:for-each>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A risk's band (WHICH: likelihood or impact): its name, "(from
       score)" where csdoc found it from the score; a dash, with why,
       where there is none. -->
  <xsl:template name="risk-band">
    <xsl:param name="name"/>
    <xsl:param name="which"/>
    <xsl:choose>
      <xsl:when test="string($name) != ''">
        <xsl:value-of select="$name"/>
        <xsl:if test="@c:found = $which">
          <span class="risk-found"> (from score)</span>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <span class="none" aria-hidden="true">—</span>
        <span class="visually-hidden">
          <xsl:text>no </xsl:text>
          <xsl:value-of select="$which"/>
        </span>
        <xsl:if test="@c:unplaced = 'yes'">
          <span class="risk-found">
            <xsl:text> (no </xsl:text>
            <xsl:value-of select="$which"/>
            <xsl:text> band gives this score)</xsl:text>
          </span>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ letter -->

  <!-- A letter reproduced in the paper: the sender in bold and their
       post, the address, the date, then the letter as written. -->
  <xsl:template match="s:letter">
    <article class="letter" aria-labelledby="letter-{generate-id()}">
      <xsl:call-template name="copy-id"/>
      <header class="letter-head">
        <p class="letter-sender" id="letter-{generate-id()}">
          <strong><xsl:apply-templates select="s:sender/node()"/></strong>
          <xsl:if test="s:sender-post">
            <br/>
            <span class="letter-post"><xsl:apply-templates select="s:sender-post/node()"/></span>
          </xsl:if>
        </p>
        <xsl:if test="s:address">
          <p class="letter-address"><xsl:apply-templates select="s:address/node()"/></p>
        </xsl:if>
        <p class="letter-date">
          <time datetime="{@date}">
            <xsl:choose>
              <xsl:when test="@c:date-display"><xsl:value-of select="@c:date-display"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
            </xsl:choose>
          </time>
        </p>
      </header>
      <p class="letter-salutation"><xsl:apply-templates select="s:salutation/node()"/></p>
      <xsl:apply-templates select="s:p | s:ul | s:ol"/>
      <p class="letter-closing"><xsl:apply-templates select="s:closing/node()"/></p>
      <p class="letter-signature"><xsl:apply-templates select="s:signature/node()"/></p>
    </article>
  </xsl:template>

</xsl:stylesheet>
